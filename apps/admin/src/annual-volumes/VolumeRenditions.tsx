import { useRecordContext, useTranslate } from 'react-admin';
import type { AnnualVolume } from '@dsyb/contracts';
import { annualVolumes } from '../providers/annualVolumes';
import { issueTransitions } from '../review/allowedTransitions';
import { useRoles } from '../review/useRoles';
import { DocumentRenditionPanel, FinalReadyNotice } from '../renditions/RenditionPanel';
import { VolumeTransitionButtons } from './VolumeTransitionButtons';

/**
 * The volume's typesetting, as an issue's: proofs at any time, the final once signed off, then 发布
 * beside it. (导出 Word is among the page's actions, on every tab.)
 */
export const VolumeRenditions = (_props: { label?: false }) => {
  const volume = useRecordContext<AnnualVolume>();
  const translate = useTranslate();
  if (!volume) return null;
  return (
    <DocumentRenditionPanel
      filter={{ volumeId: volume.id }}
      status={volume.status}
      request={kind => annualVolumes.requestRendition(volume.id, kind)}
      fileName={rendition => `${volume.title}-${translate(`app.renditions.kind.${rendition.kind}`)}.pdf`}
      finalReady={<FinalReady volume={volume} />}
      kindsHelp="app.annual_volumes.kinds_help"
    />
  );
};

const FinalReady = ({ volume }: { volume: AnnualVolume }) => {
  const roles = useRoles();
  if (!issueTransitions(volume.status, roles).includes('publish')) return null;
  return <FinalReadyNotice message="app.annual_volumes.final_ready" action={<VolumeTransitionButtons volume={volume} only={['publish']} />} />;
};
