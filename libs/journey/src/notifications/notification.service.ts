import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { NotificationEntity } from '@skillpath/persistence';

@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async notify(
    userId: string,
    n: { kind: string; title: string; body: string; data?: Record<string, unknown> },
    m: EntityManager = this.ds.manager,
  ): Promise<void> {
    const repo = m.getRepository(NotificationEntity);
    await repo.save(repo.create({ userId, kind: n.kind, title: n.title, body: n.body, data: n.data ?? {} }));
  }

  list(userId: string, unreadOnly: boolean, first: number): Promise<NotificationEntity[]> {
    return this.ds.getRepository(NotificationEntity).find({
      where: unreadOnly ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC' },
      take: first,
    });
  }

  /** Marks the caller's notifications read (all of them, or those ids: none for []); ids of others' are ignored. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    if (ids && !ids.length) return 0;
    const where = ids ? { userId, id: In(ids), readAt: IsNull() } : { userId, readAt: IsNull() };
    const res = await this.ds.getRepository(NotificationEntity).update(where, { readAt: new Date() });
    return res.affected ?? 0;
  }
}
