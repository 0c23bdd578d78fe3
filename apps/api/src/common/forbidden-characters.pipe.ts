import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { refuseForbiddenCharacters } from './request-characters';

const LABELS: Partial<Record<ArgumentMetadata['type'], string>> = { body: '字段', query: '参数', param: '路径参数', custom: '字段' };

/**
 * Global, first of the pipes: every JSON or form body (multipart text fields included, and an
 * uploaded file's name), query string and route parameter is checked here once, before any
 * DTO validation or service sees it.
 */
@Injectable()
export class ForbiddenCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const label = LABELS[metadata.type];
    if (label) refuseForbiddenCharacters(value, metadata.data ?? '', label);
    return value;
  }
}
