import { Injectable } from '@nestjs/common';
import { MatchingIndexService } from '@skillpath/journey';
import { ListingChangesPublisher } from '@skillpath/queues';

/**
 * A listing or its accreditation changed: every API process's index hears of it through the publisher,
 * and this process applies it before answering, so the very next ranking reflects it.
 */
@Injectable()
export class ListingChangeNotifier {
  constructor(
    private readonly publisher: ListingChangesPublisher,
    private readonly engine: MatchingIndexService,
  ) {}

  async changed(opportunityIds: string[], origin: string): Promise<void> {
    await this.publisher.publish({ changedIds: opportunityIds, expiredIds: [], origin });
    await this.engine.apply({ changedIds: opportunityIds, expiredIds: [] });
  }
}
