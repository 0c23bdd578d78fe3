import Close from '@mui/icons-material/Close';
import DragIndicator from '@mui/icons-material/DragIndicator';
import { Autocomplete, Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, rectSortingStrategy, SortableContext, sortableKeyboardCoordinates, useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslate } from 'react-admin';
import type { Recipient, RecipientUnit } from '@dsyb/contracts';

/**
 * 发放范围 as it will be printed: the chosen units in order, reordered by drag and drop (or the
 * keyboard), removed one by one, added from the active units, or put in the units' set order.
 */
export const RecipientsEditor = ({
  chosen,
  units,
  onChange,
}: {
  chosen: RecipientUnit[];
  /** Every active unit, in its set order. */
  units: Recipient[];
  onChange: (chosen: RecipientUnit[]) => void;
}) => {
  const translate = useTranslate();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const chosenIds = new Set(chosen.map(unit => unit.id));
  const missing = units.filter(unit => !chosenIds.has(unit.id));
  const order = (unit: RecipientUnit) => units.findIndex(candidate => candidate.id === unit.id);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = chosen.findIndex(unit => unit.id === active.id);
    const to = chosen.findIndex(unit => unit.id === over.id);
    if (from >= 0 && to >= 0) onChange(arrayMove(chosen, from, to));
  };
  const inSetOrder = () =>
    onChange([...chosen].sort((a, b) => (order(a) < 0 ? Infinity : order(a)) - (order(b) < 0 ? Infinity : order(b))));

  return (
    <Box data-testid="recipients-editor">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mb: 1, alignItems: { sm: 'center' } }}>
        <Autocomplete
          options={missing}
          getOptionLabel={unit => unit.name}
          groupBy={unit => unit.category}
          value={null}
          onChange={(_event, unit) => unit && onChange([...chosen, { id: unit.id, name: unit.name }])}
          renderInput={params => <TextField {...params} size="small" label={translate('app.assembly.add_recipient')} />}
          noOptionsText={translate('app.inputs.no_options')}
          sx={{ minWidth: '18rem', flex: 1 }}
          blurOnSelect
        />
        <Button size="small" disabled={missing.length === 0} onClick={() => onChange([...chosen, ...missing.map(unit => ({ id: unit.id, name: unit.name }))])}>
          {translate('app.assembly.add_all_recipients')}
        </Button>
        <Button size="small" disabled={chosen.length < 2} onClick={inSetOrder}>
          {translate('app.assembly.recipients_set_order')}
        </Button>
      </Stack>
      {chosen.length === 0 ? (
        <Typography color="text.secondary">{translate('app.issues.distribution_empty')}</Typography>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={chosen.map(unit => unit.id)} strategy={rectSortingStrategy}>
            <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(17rem, 1fr))', columnGap: 3 }}>
              {chosen.map((unit, index) => (
                <RecipientRow key={unit.id} unit={unit} number={index + 1} onRemove={() => onChange(chosen.filter(other => other.id !== unit.id))} />
              ))}
            </Box>
          </SortableContext>
        </DndContext>
      )}
    </Box>
  );
};

const RecipientRow = ({ unit, number, onRemove }: { unit: RecipientUnit; number: number; onRemove: () => void }) => {
  const translate = useTranslate();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: unit.id,
    attributes: { roleDescription: translate('app.assembly.sortable_recipient_role') },
  });
  return (
    <Box
      component="li"
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      sx={{ display: 'flex', alignItems: 'center', gap: 0.5, opacity: isDragging ? 0.5 : 1, bgcolor: 'background.paper' }}
      data-testid="recipient-row"
    >
      <IconButton
        ref={setActivatorNodeRef}
        size="small"
        sx={{ cursor: 'grab', touchAction: 'none' }}
        aria-label={translate('app.assembly.drag_recipient', { name: unit.name })}
        {...attributes}
        {...listeners}
      >
        <DragIndicator fontSize="small" />
      </IconButton>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: '1.8em', textAlign: 'right' }}>
        {number}
      </Typography>
      <Typography variant="body2" sx={{ flex: 1 }}>
        {unit.name}
      </Typography>
      <IconButton size="small" aria-label={translate('app.assembly.remove_recipient', { name: unit.name })} onClick={onRemove}>
        <Close fontSize="small" />
      </IconButton>
    </Box>
  );
};
