import {
  Args,
  Field,
  GraphQLISODateTime,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { AuthUser, Authenticated, CurrentUser } from '@skillpath/auth';
import { badInput, checkPageSize, isUuid } from '@skillpath/common';
import { NotificationService } from './notification.service';

@ObjectType('Notification')
class NotificationModel {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field() read!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@Resolver()
export class NotificationsResolver {
  constructor(private readonly notificationService: NotificationService) {}

  /** The caller's own notifications, newest first. */
  @Authenticated()
  @Query(() => [NotificationModel])
  async notifications(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<NotificationModel[]> {
    checkPageSize(first);
    const list = await this.notificationService.list(user.id, unreadOnly, first);
    return list.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      read: !!n.readAt,
      createdAt: n.createdAt,
    }));
  }

  /** Marks notifications read (all of them when no ids are given); returns how many changed. */
  @Authenticated()
  @Mutation(() => Int)
  markNotificationsRead(
    @CurrentUser() user: AuthUser,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    if (ids?.some((id) => !isUuid(id))) throw badInput('ids must be notification ids');
    // A page of notifications is at most 100, so no client has more ids than that to mark at once.
    if (ids && ids.length > 100)
      throw badInput('Mark at most 100 notifications at once, or leave out ids for all.');
    return this.notificationService.markRead(user.id, ids ?? undefined);
  }
}
