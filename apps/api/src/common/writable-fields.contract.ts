import type { WRITABLE_FIELDS } from '@dsyb/contracts';
import type { CreateAnnualEntryDto, CreateAnnualVolumeDto, UpdateAnnualEntryDto, UpdateAnnualVolumeDto } from '../annual-volumes/annual-volume.dto';
import type { CreateContributorDto, UpdateContributorDto } from '../contributors/contributor.dto';
import type { CreateEntryDto, UpdateEntryDto } from '../entries/entry.dto';
import type { CreateIssueDto, UpdateIssueDto } from '../issues/issue.dto';
import type { CreateRecipientDto, UpdateRecipientDto } from '../recipients/recipient.dto';
import type { CreateSectionDto, UpdateSectionDto } from '../sections/section.dto';
import type { CreateSourceDto, UpdateSourceDto } from '../sources/source.dto';
import type { CreateUserDto, UpdateUserDto } from '../users/user.dto';

/**
 * The contract's writable fields held against the DTOs, by the compiler: the validation pipe
 * answers 400 to any field a DTO does not declare, so a field the admin writes (WRITABLE_FIELDS)
 * that a resource's create and update DTOs do not both accept breaks the build here instead of
 * a form in an editor's hands. Versioned resources must take `version` on update.
 */
type Fields<Resource extends keyof typeof WRITABLE_FIELDS> = (typeof WRITABLE_FIELDS)[Resource]['fields'][number];
type Accepted<Field, Dto> = [Exclude<Field, keyof Dto>] extends [never] ? true : { notAccepted: Exclude<Field, keyof Dto> };
type Holds<Check extends true> = Check;

export type WritableFieldsAccepted = [
  Holds<Accepted<Fields<'issues'>, CreateIssueDto>>,
  Holds<Accepted<Fields<'issues'> | 'version', UpdateIssueDto>>,
  Holds<Accepted<Fields<'entries'>, CreateEntryDto>>,
  Holds<Accepted<Fields<'entries'> | 'version', UpdateEntryDto>>,
  Holds<Accepted<Fields<'sections'>, CreateSectionDto>>,
  Holds<Accepted<Fields<'sections'>, UpdateSectionDto>>,
  Holds<Accepted<Fields<'recipients'>, CreateRecipientDto>>,
  Holds<Accepted<Fields<'recipients'>, UpdateRecipientDto>>,
  Holds<Accepted<Fields<'contributors'>, CreateContributorDto>>,
  Holds<Accepted<Fields<'contributors'>, UpdateContributorDto>>,
  Holds<Accepted<Fields<'sources'>, CreateSourceDto>>,
  Holds<Accepted<Fields<'sources'>, UpdateSourceDto>>,
  Holds<Accepted<Fields<'users'>, CreateUserDto>>,
  Holds<Accepted<Fields<'users'>, UpdateUserDto>>,
  Holds<Accepted<Fields<'annual-volumes'>, CreateAnnualVolumeDto>>,
  // The year of a volume is set when it is compiled, never changed.
  Holds<Accepted<Exclude<Fields<'annual-volumes'>, 'year'> | 'version', UpdateAnnualVolumeDto>>,
  Holds<Accepted<Fields<'annual-volume-entries'>, CreateAnnualEntryDto>>,
  // An event stays in the volume it was added to.
  Holds<Accepted<Exclude<Fields<'annual-volume-entries'>, 'volumeId'> | 'version', UpdateAnnualEntryDto>>,
];
