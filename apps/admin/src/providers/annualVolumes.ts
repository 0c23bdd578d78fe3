/**
 * 年度大事记 calls to the API beyond react-admin's CRUD, in one place: recompiling, the
 * workflow, the editor's answer to a correction of a monthly issue, merging events, proposing
 * index terms and typesetting. Each goes through the http client (bearer token,
 * the server's Chinese message on errors), as the data provider's own calls do.
 */
import type {
  AnnualVolume,
  AnnualVolumeEntry,
  CompiledAnnualVolume,
  IndexTermProposal,
  IssueHistoryEvent,
  IssueTransition,
  Rendition,
  RenditionKind,
  TransitionBody,
} from '@dsyb/contracts';
import { API_URL, httpClient } from './httpClient';

/** 采用更正 (the corrected monthly wording replaces the editor's) or 保留本稿 (the editor's stays). */
export type UpstreamDecision = 'take' | 'keep';

export interface MergeBody {
  /** The first event absorbs the others, which leave the volume. */
  entryIds: string[];
  title?: string;
}

const volume = (id: string) => `annual-volumes/${encodeURIComponent(id)}`;

/** 导出 Word: where the API serves the volume as a .docx (renditions/ExportWordButton fetches it). */
export const volumeWordPath = (record: { id: string }) => `${volume(record.id)}/export.docx`;

async function send<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return json as T;
}

export const annualVolumes = {
  /** 重新编纂: what is new in the year's published issues comes in, what changed waits for the editor. */
  recompile: (id: string, version: number) => send<CompiledAnnualVolume>('POST', `${volume(id)}/recompile`, { version }),

  /** 送审 / 签发 / 发布 / 退回, with the version that was read. */
  transition: (id: string, action: IssueTransition, body: TransitionBody) =>
    send<AnnualVolume>('POST', `${volume(id)}/${action.replace('_', '-')}`, body),

  /** The volume's way through review, oldest first. */
  history: (id: string) => send<IssueHistoryEvent[]>('GET', `${volume(id)}/history`),

  decideUpstream: (entryId: string, version: number, decision: UpstreamDecision) =>
    send<AnnualVolumeEntry>('POST', `annual-volume-entries/${encodeURIComponent(entryId)}/upstream`, { version, decision }),

  /** 恢复: an event dropped from the volume (or merged into another) is printed again. */
  restoreEntry: (entryId: string, version: number) =>
    send<AnnualVolumeEntry>('PUT', `annual-volume-entries/${encodeURIComponent(entryId)}`, { version, excluded: false }),

  merge: (volumeId: string, body: MergeBody) => send<AnnualVolumeEntry>('POST', `${volume(volumeId)}/merge`, body),

  /** 提取索引词 */
  proposeIndexTerms: (volumeId: string) => send<IndexTermProposal>('POST', `${volume(volumeId)}/index-terms/propose`),

  /** Queues a typesetting of the volume (or returns the one already made for unchanged content). */
  requestRendition: (volumeId: string, kind: RenditionKind) => send<Rendition>('POST', `${volume(volumeId)}/renditions`, { kind }),
};
