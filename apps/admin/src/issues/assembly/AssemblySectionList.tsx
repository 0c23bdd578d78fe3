import Sort from '@mui/icons-material/Sort';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslate } from 'react-admin';
import type { AssemblyEntry, AssemblySection } from './arrangement';
import { AssemblyEntryRow } from './AssemblyEntryRow';

/** One section of the issue: a drop target (also when empty) holding its entries in print order. */
export const AssemblySectionList = ({
  section,
  entries,
  firstNumber,
  editable,
  drafting = false,
  sections,
  onMove,
  onRemove,
  onSortByDate,
}: {
  section: AssemblySection;
  entries: AssemblyEntry[];
  /** The print number of the section's first entry (numbers run through the issue). */
  firstNumber: number;
  editable: boolean;
  /** The issue is still being written: a draft is expected, not yet a hindrance. */
  drafting?: boolean;
  sections: AssemblySection[];
  onMove: (entryId: string, sectionId: string) => void;
  onRemove: (entryId: string) => void;
  /** 按日期排序: the section's entries by event date. */
  onSortByDate: () => void;
}) => {
  const translate = useTranslate();
  const { setNodeRef, isOver } = useDroppable({ id: section.id, disabled: !editable });
  const others = sections.filter(other => other.id !== section.id && !other.retired);
  return (
    <Box component="section" data-testid="assembly-section" data-section-name={section.name}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', borderBottom: 2, borderColor: 'primary.main', pb: 0.5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
          {section.name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate('app.issues.section_entry_count', { smart_count: entries.length })}
        </Typography>
        {section.retired ? <Chip size="small" label={translate('app.assembly.retired_section')} /> : null}
        {editable && entries.length > 1 ? (
          <Button size="small" startIcon={<Sort />} onClick={onSortByDate} sx={{ ml: 'auto !important' }} data-testid="assembly-sort-by-date">
            {translate('app.assembly.sort_by_date')}
          </Button>
        ) : null}
      </Stack>
      <SortableContext id={section.id} items={entries.map(entry => entry.id)} strategy={verticalListSortingStrategy}>
        <Box
          component="ul"
          ref={setNodeRef}
          sx={{
            listStyle: 'none',
            m: 0,
            p: 0,
            minHeight: editable ? 44 : 0,
            bgcolor: isOver ? 'action.hover' : undefined,
            borderRadius: 1,
          }}
        >
          {entries.map((entry, index) => (
            <AssemblyEntryRow
              key={entry.id}
              entry={entry}
              number={firstNumber + index}
              editable={editable}
              drafting={drafting}
              sections={others}
              onMove={sectionId => onMove(entry.id, sectionId)}
              onRemove={() => onRemove(entry.id)}
            />
          ))}
          {entries.length === 0 ? (
            <Typography component="li" variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5, border: 1, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 1, mt: 0.5 }}>
              {translate(editable ? 'app.assembly.empty_section_editable' : 'app.assembly.empty_section')}
            </Typography>
          ) : null}
        </Box>
      </SortableContext>
    </Box>
  );
};
