import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsUUID } from 'class-validator';

const MUST_BE_UUID = { message: '必须是有效的 UUID' };

/** 据此起草条目: the issue and section the drafted entry goes into. */
export class DraftEntryDto {
  @IsUUID('all', MUST_BE_UUID) issueId!: string;
  @IsUUID('all', MUST_BE_UUID) sectionId!: string;
}

/** 据此起草条目 for several sources at once, into one issue and section. */
export class DraftEntriesDto extends DraftEntryDto {
  @IsArray() @ArrayNotEmpty({ message: '请至少选择一篇来稿' }) @ArrayMaxSize(200) @IsUUID('all', { each: true, message: '必须是有效的 UUID' }) sourceIds!: string[];
}
