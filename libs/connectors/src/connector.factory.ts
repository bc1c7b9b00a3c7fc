import { ConnectorConfigError } from './connector.errors';
import { SOURCE_FORMATS, type Connector, type SourceFormat } from './connector.types';
import { courseJsonLdConnector } from './formats/course-jsonld.connector';
import { findAnApprenticeshipConnector } from './formats/find-an-apprenticeship.connector';
import { jobPostingJsonLdConnector } from './formats/jobposting-jsonld.connector';
import { skillsBootcampsCsvConnector } from './formats/skills-bootcamps-csv.connector';

const CONNECTORS: Record<SourceFormat, Connector> = {
  'find-an-apprenticeship': findAnApprenticeshipConnector,
  'jobposting-jsonld': jobPostingJsonLdConnector,
  'course-jsonld': courseJsonLdConnector,
  'skills-bootcamps-csv': skillsBootcampsCsvConnector,
};

export function isSourceFormat(value: string): value is SourceFormat {
  return (SOURCE_FORMATS as readonly string[]).includes(value);
}

/** The connector for a format; connectors hold no state, so one instance serves every source. */
export function createConnector(format: string): Connector {
  if (!isSourceFormat(format)) {
    throw new ConnectorConfigError(
      `Unknown source format "${format}": use one of ${SOURCE_FORMATS.join(', ')}`,
    );
  }
  return CONNECTORS[format];
}
