import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { NotificationEntity } from '@skillpath/persistence';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  data?: Record<string, unknown>;
}

/** `notifications`: what the product told each user. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async insert(userId: string, n: NewNotification, m: EntityManager = this.ds.manager): Promise<void> {
    const repo = m.getRepository(NotificationEntity);
    await repo.save(repo.create({ userId, kind: n.kind, title: n.title, body: n.body, data: n.data ?? {} }));
  }

  newestFirst(userId: string, unreadOnly: boolean, first: number): Promise<NotificationEntity[]> {
    return this.ds.getRepository(NotificationEntity).find({
      where: unreadOnly ? { userId, readAt: IsNull() } : { userId },
      order: { createdAt: 'DESC' },
      take: first,
    });
  }

  /** Marks unread ones read (all of the user's, or those ids of theirs); returns how many changed. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    const where = ids ? { userId, id: In(ids), readAt: IsNull() } : { userId, readAt: IsNull() };
    const res = await this.ds.getRepository(NotificationEntity).update(where, { readAt: new Date() });
    return res.affected ?? 0;
  }
}
