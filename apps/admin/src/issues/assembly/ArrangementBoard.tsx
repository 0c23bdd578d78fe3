import { Paper, Stack, Typography } from '@mui/material';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { dropEntry, moveEntry, positionOf, removeEntry, sectionOf, sortSectionByDate, type Arrangement } from './arrangement';
import { AssemblySectionList } from './AssemblySectionList';
import { nestedTitle } from '@dsyb/contracts';

/**
 * The sections of the issue with their entries, reordered and moved between sections by drag
 * and drop (pointer or keyboard) or by the buttons of each entry. An entry crossing into another
 * section moves there while it is dragged; Escape puts everything back as it was.
 */
export const ArrangementBoard = ({
  arrangement,
  editable,
  showEmptySections = editable,
  drafting = false,
  onChange,
}: {
  arrangement: Arrangement;
  editable: boolean;
  /** Drop targets while editing; read-only, the issue is shown as it prints, without them. */
  showEmptySections?: boolean;
  /** The issue is still being written (not yet sent to review): drafts are expected. */
  drafting?: boolean;
  onChange: (arrangement: Arrangement) => void;
}) => {
  const translate = useTranslate();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const [activeId, setActiveId] = useState<string>();
  const before = useRef<Arrangement>(undefined);

  const entryOf = (id: UniqueIdentifier) => Object.values(arrangement.entries).flat().find(entry => entry.id === id);
  const title = (id: UniqueIdentifier) => entryOf(id)?.title ?? '';
  /** The title as the announcements quote it, inside 《》. */
  const quoted = (id: UniqueIdentifier) => nestedTitle(title(id));
  /** 「时政要点」第 3 条: where `id` is in `layout`, or the end of the section when it is a section. */
  const place = (id: UniqueIdentifier, layout: Arrangement = arrangement) => {
    const sectionId = sectionOf(layout, String(id));
    const section = layout.sections.find(candidate => candidate.id === sectionId);
    if (!sectionId || !section) return '';
    const position = positionOf(layout, String(id))?.position ?? layout.entries[sectionId].length + 1;
    return translate('app.assembly.place', { section: section.name, position });
  };
  // dnd-kit asks for the drop's words with the board as it was before the drop: the place is
  // read from the arrangement the drop makes, or a screen reader hears the old one.
  // Picked up, the entry is first "over" its own place: saying it moved there would cut off the
  // pick-up's words, so its own place is announced only once it has been somewhere else.
  const movedSincePickUp = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      movedSincePickUp.current = false;
      return translate('app.assembly.dnd_picked', { title: quoted(active.id), place: place(active.id) });
    },
    onDragOver: ({ active, over }) => {
      if (!over || (over.id === active.id && !movedSincePickUp.current)) return undefined;
      movedSincePickUp.current = true;
      return translate('app.assembly.dnd_over', { title: quoted(active.id), place: place(over.id) });
    },
    onDragEnd: ({ active, over }) =>
      over ? translate('app.assembly.dnd_dropped', { title: quoted(active.id), place: place(active.id, dropEntry(arrangement, String(active.id), String(over.id))) }) : undefined,
    onDragCancel: ({ active }) => translate('app.assembly.dnd_cancelled', { title: quoted(active.id) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    before.current = arrangement;
    setActiveId(String(active.id));
  };
  // Crossing into another section moves the entry there at once, so the list makes room for it.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const from = sectionOf(arrangement, String(active.id));
    const to = sectionOf(arrangement, String(over.id));
    if (!from || !to || from === to) return;
    const index = arrangement.entries[to].findIndex(entry => entry.id === over.id);
    onChange(moveEntry(arrangement, String(active.id), to, index < 0 ? undefined : index));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(undefined);
    if (!over || !sectionOf(arrangement, String(over.id))) {
      if (before.current) onChange(before.current);
      return;
    }
    const dropped = dropEntry(arrangement, String(active.id), String(over.id));
    if (dropped !== arrangement) onChange(dropped);
  };
  const onDragCancel = () => {
    setActiveId(undefined);
    if (before.current) onChange(before.current);
  };

  let number = 1;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      // Measured before a pick-up too: dnd-kit ignores an arrow key pressed before it has measured
      // the rows, and an entry picked up and moved at once with the keyboard would stay put.
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: translate('app.assembly.dnd_instructions') } }}
    >
      <Stack spacing={2.5} data-testid="assembly-board">
        {arrangement.sections
          .filter(section => showEmptySections || arrangement.entries[section.id].length > 0)
          .map(section => {
            const firstNumber = number;
            number += arrangement.entries[section.id].length;
            return (
              <AssemblySectionList
                key={section.id}
                section={section}
                entries={arrangement.entries[section.id]}
                firstNumber={firstNumber}
                editable={editable}
                drafting={drafting}
                sections={arrangement.sections}
                onMove={(entryId, sectionId) => onChange(moveEntry(arrangement, entryId, sectionId))}
                onRemove={entryId => onChange(removeEntry(arrangement, entryId))}
                onSortByDate={() => onChange(sortSectionByDate(arrangement, section.id))}
              />
            );
          })}
      </Stack>
      <DragOverlay>
        {activeId ? (
          <Paper elevation={6} sx={{ px: 2, py: 1, cursor: 'grabbing' }}>
            <Typography variant="body2">{title(activeId)}</Typography>
          </Paper>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
};
