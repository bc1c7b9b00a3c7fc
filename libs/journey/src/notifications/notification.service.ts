import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationEntity } from '@skillpath/persistence';
import { NewNotification, NotificationRepository } from './notification.repository';

@Injectable()
export class NotificationService {
  constructor(private readonly rows: NotificationRepository) {}

  notify(userId: string, n: NewNotification, m?: EntityManager): Promise<void> {
    return this.rows.insert(userId, n, m);
  }

  list(userId: string, unreadOnly: boolean, first: number): Promise<NotificationEntity[]> {
    return this.rows.newestFirst(userId, unreadOnly, first);
  }

  /** Marks the caller's notifications read (all of them, or those ids: none for []); ids of others' are ignored. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    if (ids && !ids.length) return 0;
    return this.rows.markRead(userId, ids);
  }
}
