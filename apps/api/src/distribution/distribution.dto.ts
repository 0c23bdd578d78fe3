import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_LENGTH } from '@dsyb/contracts';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** 签收: the name of the person confirming, typed on the unit's page. */
export class ConfirmReceiptDto {
  @Transform(trimmed) @IsString() @IsNotEmpty({ message: '请填写签收人姓名' }) @MaxLength(MAX_LENGTH.delivery.confirmedByName, { message: `签收人姓名最多 ${MAX_LENGTH.delivery.confirmedByName} 个字` })
  name!: string;
}

/** A paper receipt recorded by staff: who signed it, when known. */
export class PaperReceiptDto {
  @IsOptional() @Transform(trimmed) @IsString() @MaxLength(MAX_LENGTH.delivery.confirmedByName) confirmedByName?: string;
}
