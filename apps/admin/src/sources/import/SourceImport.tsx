import AddIcon from '@mui/icons-material/Add';
import CallMerge from '@mui/icons-material/CallMerge';
import CloseIcon from '@mui/icons-material/Close';
import ContentCut from '@mui/icons-material/ContentCut';
import UploadFile from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  FormControlLabel,
  IconButton,
  LinearProgress,
  Link as MuiLink,
  Menu,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Authenticated, Title, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { CONTRIBUTOR_ROLES, type ContributorRole } from '@dsyb/contracts';
import { formatEventDate } from '../../formatDate';
import { sourceImports } from '../../providers/sourceImports';
import { BatchImport } from './BatchImport';
import { DuplicatePanel } from '../../entries/duplicates/DuplicatePanel';
import { sourceDuplicateRequest } from '../../entries/duplicates/duplicates';
import { errorMessage } from '../../review/useTransitions';
import {
  draftsFromPreview,
  excerpt,
  mergeWithNext,
  paragraphsOf,
  percent,
  problemsOf,
  savePayload,
  splitAt,
  updateArticle,
  type DraftArticle,
  type PageOrigin,
  type PreviewResult,
  type SaveResult,
} from './importDraft';

const DEFAULT_NEWSPAPER = '中原区报';
/** What the file picker offers: PDF, Word and images. */
const ACCEPTED_FILES = '.pdf,.doc,.docx,.png,.jpg,.jpeg,.tif,.tiff,.webp,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/*';

/** The 来稿 list searched for the newspaper just imported. */
const sourcesOfPath = (newspaper: string) => `/sources?filter=${encodeURIComponent(JSON.stringify({ q: newspaper }))}`;

/**
 * 导入版面: a newspaper page, pasted as text or given as a file, read into articles by the API;
 * the editor checks them beside the page's lines (ticks, corrects headlines and bylines,
 * merges or splits articles the reading got wrong) and saves the ticked ones as 来稿.
 */
const SourceImport = () => {
  const translate = useTranslate();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'sources', action: 'create' });
  const [origin, setOrigin] = useState<PageOrigin>({ newspaper: DEFAULT_NEWSPAPER, issueDate: '', page: '' });
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<PreviewResult | undefined>();
  const [articles, setArticles] = useState<DraftArticle[]>([]);
  const [selected, setSelected] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ result: SaveResult; newspaper: string } | undefined>();
  const [error, setError] = useState<string | undefined>();

  const readPage = async () => {
    setReading(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const result = await sourceImports.preview(origin, file ? { file } : { text });
      setPreview(result);
      const drafts = draftsFromPreview(result.articles);
      setArticles(drafts);
      setSelected(drafts[0]?.key);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setReading(false);
    }
  };

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const payload = savePayload(origin, articles);
      const result = await sourceImports.save(payload);
      setSaved({ result, newspaper: payload.newspaper });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const chosen = articles.filter(article => article.included).length;
  const problems = problemsOf(articles);
  const selectedArticle = articles.find(article => article.key === selected);

  return (
    <Authenticated>
      <Title title="app.source_import.title" />
      <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
        {checking ? <LinearProgress /> : null}
        {!checking && !canAccess ? <Alert severity="warning">{translate('ra.message.access_denied')}</Alert> : null}
        {canAccess ? (
          <>
            <PageForm
              origin={origin}
              onOrigin={setOrigin}
              text={text}
              onText={setText}
              file={file}
              onFile={setFile}
              reading={reading}
              onRead={() => void readPage()}
            />
            <BatchImport origin={origin} />
            {reading ? <LinearProgress /> : null}
            {error ? (
              <Alert severity="error" data-testid="import-error">
                {error}
              </Alert>
            ) : null}
            {preview && preview.articles.length === 0 ? (
              <Alert severity="warning" data-testid="import-reason">
                {preview.reason ?? translate('app.source_import.no_articles')}
              </Alert>
            ) : null}
            {preview && articles.length > 0 ? (
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 5fr) minmax(0, 7fr)' }, gap: 2, alignItems: 'start' }}>
                <PageLines lines={preview.pageLines} highlight={selectedArticle?.lines} />
                <Stack spacing={2} data-testid="import-articles">
                  <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                    {translate('app.source_import.found', { smart_count: articles.length })}
                  </Typography>
                  {articles.map((article, index) => (
                    <ArticleCard
                      key={article.key}
                      article={article}
                      index={index}
                      last={index === articles.length - 1}
                      selected={article.key === selected}
                      onSelect={() => setSelected(article.key)}
                      onChange={changes => setArticles(current => updateArticle(current, index, changes))}
                      onMerge={() => setArticles(current => mergeWithNext(current, index))}
                      onSplit={paragraph => {
                        const next = splitAt(articles, index, paragraph, preview.pageLines);
                        setArticles(next);
                        setSelected(next[index + 1]?.key);
                      }}
                    />
                  ))}
                  <Paper variant="outlined" sx={{ p: 2, position: 'sticky', bottom: 0, zIndex: 1 }}>
                    {problems.length > 0 ? (
                      <Alert severity="info" sx={{ mb: 1 }} data-testid="import-problems">
                        {problems.map(problem => translate(`app.source_import.problem.${problem.key}`, { number: problem.article })).join('；')}
                      </Alert>
                    ) : null}
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                      <Button
                        variant="contained"
                        onClick={() => void save()}
                        disabled={saving || chosen === 0 || problems.length > 0 || origin.newspaper.trim() === ''}
                        data-testid="import-save"
                      >
                        {translate('app.source_import.save', { smart_count: chosen })}
                      </Button>
                      {saving ? <Typography variant="body2">{translate('app.source_import.saving')}</Typography> : null}
                    </Stack>
                  </Paper>
                </Stack>
              </Box>
            ) : null}
            {saved ? <SavedResult result={saved.result} newspaper={saved.newspaper} /> : null}
          </>
        ) : null}
      </Stack>
    </Authenticated>
  );
};

/** 报纸名称, 出版日期, 版次, the pasted text or a file, and 拆分文章. */
const PageForm = ({
  origin,
  onOrigin,
  text,
  onText,
  file,
  onFile,
  reading,
  onRead,
}: {
  origin: PageOrigin;
  onOrigin: (origin: PageOrigin) => void;
  text: string;
  onText: (text: string) => void;
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  reading: boolean;
  onRead: () => void;
}) => {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  const ready = file !== undefined || text.trim() !== '';
  return (
    <Card>
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.source_import.help')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
          <TextField
            label={translate('app.source_import.newspaper')}
            name="newspaper"
            value={origin.newspaper}
            onChange={event => onOrigin({ ...origin, newspaper: event.target.value })}
            required
            size="small"
            sx={{ minWidth: 240 }}
          />
          <TextField
            label={translate('app.source_import.issue_date')}
            name="issueDate"
            type="date"
            value={origin.issueDate}
            onChange={event => onOrigin({ ...origin, issueDate: event.target.value })}
            size="small"
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label={translate('app.source_import.page')}
            name="page"
            value={origin.page}
            onChange={event => onOrigin({ ...origin, page: event.target.value })}
            helperText={translate('app.sources.page_help')}
            size="small"
            sx={{ maxWidth: 200 }}
          />
        </Stack>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 2fr) minmax(0, 1fr)' }, gap: 2 }}>
          <TextField
            label={translate('app.source_import.text')}
            name="text"
            value={text}
            onChange={event => onText(event.target.value)}
            multiline
            minRows={10}
            maxRows={20}
            placeholder={translate('app.source_import.text_placeholder')}
            disabled={file !== undefined}
            helperText={file ? translate('app.source_import.text_unused') : undefined}
            fullWidth
          />
          <Box
            data-testid="import-drop"
            onDragOver={event => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
            onClick={() => picker.current?.click()}
            role="button"
            tabIndex={0}
            onKeyDown={event => {
              if (event.key === 'Enter' || event.key === ' ') picker.current?.click();
            }}
            sx={{
              border: 2,
              borderStyle: 'dashed',
              borderColor: dragging ? 'primary.main' : 'divider',
              borderRadius: 1,
              bgcolor: dragging ? 'action.hover' : 'transparent',
              p: 2,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              textAlign: 'center',
              cursor: 'pointer',
              minHeight: 160,
            }}
          >
            <UploadFile color="action" sx={{ fontSize: 40, mb: 1 }} />
            <Typography variant="body2">{translate('app.source_import.drop')}</Typography>
            <Typography variant="caption" color="text.secondary">
              {translate('app.source_import.drop_help')}
            </Typography>
            <input
              ref={picker}
              type="file"
              hidden
              accept={ACCEPTED_FILES}
              data-testid="import-file"
              onChange={event => {
                const picked = event.target.files?.[0];
                if (picked) onFile(picked);
                event.target.value = '';
              }}
            />
            {file ? (
              <Chip
                sx={{ mt: 1, maxWidth: '100%' }}
                label={translate('app.source_import.file_chosen', { name: file.name })}
                onDelete={() => onFile(undefined)}
                onClick={event => event.stopPropagation()}
              />
            ) : null}
          </Box>
        </Box>
        <Button variant="contained" sx={{ mt: 2 }} onClick={onRead} disabled={!ready || reading} data-testid="import-read">
          {translate('app.source_import.read')}
        </Button>
      </CardContent>
    </Card>
  );
};

/** The page's lines, numbered, the selected article's marked and scrolled into view. */
const PageLines = ({ lines, highlight }: { lines: string[]; highlight: [number, number] | undefined }) => {
  const translate = useTranslate();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!highlight) return;
    const first = box.current?.querySelector<HTMLElement>(`[data-line="${highlight[0]}"]`);
    if (first && box.current) box.current.scrollTo({ top: first.offsetTop - box.current.offsetTop - 8, behavior: 'smooth' });
  }, [highlight]);
  const width = String(lines.length).length;
  return (
    <Paper variant="outlined" sx={{ position: { lg: 'sticky' }, top: { lg: 64 } }}>
      <Typography variant="subtitle2" sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}>
        {translate('app.source_import.page_lines', { smart_count: lines.length })}
      </Typography>
      <Box ref={box} data-testid="import-page-lines" sx={{ maxHeight: { lg: 'calc(100vh - 180px)', xs: 400 }, overflow: 'auto', position: 'relative', py: 1 }}>
        {lines.map((line, index) => {
          const marked = highlight !== undefined && index >= highlight[0] && index <= highlight[1];
          return (
            <Box
              key={index}
              data-line={index}
              data-highlighted={marked ? 'true' : undefined}
              sx={{
                display: 'flex',
                gap: 1,
                px: 1,
                fontSize: '0.85rem',
                lineHeight: 1.6,
                bgcolor: marked ? theme => alpha(theme.palette.warning.main, 0.22) : 'transparent',
                borderLeft: 3,
                borderColor: marked ? 'warning.main' : 'transparent',
              }}
            >
              <Box component="span" sx={{ color: marked ? 'text.secondary' : 'text.disabled', fontFamily: 'monospace', minWidth: `${width + 1}ch`, textAlign: 'right', userSelect: 'none' }}>
                {index + 1}
              </Box>
              <Box component="span" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', minHeight: '1.6em' }}>
                {line}
              </Box>
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
};

/** One article: ticked or not, its headline, bylines, date, confidence and text, and merge/split. */
const ArticleCard = ({
  article,
  index,
  last,
  selected,
  onSelect,
  onChange,
  onMerge,
  onSplit,
}: {
  article: DraftArticle;
  index: number;
  last: boolean;
  selected: boolean;
  onSelect: () => void;
  onChange: (changes: Partial<DraftArticle>) => void;
  onMerge: () => void;
  onSplit: (paragraph: number) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [expanded, setExpanded] = useState(false);
  const [splitMenu, setSplitMenu] = useState<HTMLElement | null>(null);
  const paragraphs = paragraphsOf(article.text);
  const date =
    article.eventDate && article.eventDatePrecision
      ? formatEventDate(article.eventDate, article.eventDatePrecision, locale)
      : translate('app.source_import.date_unknown');
  const setByline = (at: number, changes: Partial<{ name: string; role: ContributorRole }>) =>
    onChange({ bylines: article.bylines.map((byline, position) => (position === at ? { ...byline, ...changes } : byline)) });

  return (
    <Card
      variant="outlined"
      data-testid="import-article"
      data-selected={selected ? 'true' : undefined}
      onClick={onSelect}
      sx={{ borderColor: selected ? 'primary.main' : 'divider', borderWidth: selected ? 2 : 1, opacity: article.included ? 1 : 0.65 }}
    >
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <FormControlLabel
            control={<Checkbox checked={article.included} onChange={event => onChange({ included: event.target.checked })} />}
            label={translate('app.source_import.include', { number: index + 1 })}
          />
          <Chip
            size="small"
            color={article.confidence >= 1 ? 'success' : article.confidence >= 0.5 ? 'warning' : 'error'}
            label={translate('app.source_import.confidence', { percent: percent(article.confidence) })}
          />
          <Typography variant="body2" color="text.secondary">
            {translate('app.source_import.event_date', { date })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate('app.source_import.lines', { first: article.lines[0] + 1, last: article.lines[1] + 1 })}
          </Typography>
        </Stack>
        {article.confidence < 1 && article.notes.length > 0 ? (
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="import-notes">
            {article.notes.join('；')}
          </Alert>
        ) : null}
        <TextField
          label={translate('app.source_import.headline')}
          value={article.headline}
          onChange={event => onChange({ headline: event.target.value })}
          error={article.included && article.headline.trim() === ''}
          helperText={article.headline.trim() === '' ? translate('app.source_import.headline_help') : undefined}
          fullWidth
          size="small"
          multiline
          slotProps={{ htmlInput: { 'data-testid': 'import-headline' } }}
          sx={{ mb: 1.5 }}
        />
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
          {translate('app.source_import.bylines')}
        </Typography>
        <Stack spacing={1} sx={{ mb: 1.5 }}>
          {article.bylines.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.source_import.no_bylines')}
            </Typography>
          ) : null}
          {article.bylines.map((byline, at) => (
            <Stack key={at} direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="import-byline">
              <TextField
                label={translate('app.source_import.byline_name')}
                value={byline.name}
                onChange={event => setByline(at, { name: event.target.value })}
                error={article.included && byline.name.trim() === ''}
                size="small"
                sx={{ width: 160 }}
              />
              <TextField
                select
                label={translate('app.source_import.byline_role')}
                value={byline.role}
                onChange={event => setByline(at, { role: event.target.value as ContributorRole })}
                size="small"
                sx={{ width: 120 }}
              >
                {CONTRIBUTOR_ROLES.map(role => (
                  <MenuItem key={role} value={role}>
                    {translate(`resources.contributors.roles.${role}`)}
                  </MenuItem>
                ))}
              </TextField>
              <IconButton
                size="small"
                aria-label={translate('app.source_import.remove_byline')}
                title={translate('app.source_import.remove_byline')}
                onClick={() => onChange({ bylines: article.bylines.filter((_, position) => position !== at) })}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </Stack>
          ))}
          <Box>
            <Button size="small" startIcon={<AddIcon />} onClick={() => onChange({ bylines: [...article.bylines, { name: '', role: 'reporter' }] })}>
              {translate('app.source_import.add_byline')}
            </Button>
          </Box>
        </Stack>
        {expanded ? (
          <TextField
            label={translate('app.source_import.article_text')}
            value={article.text}
            onChange={event => onChange({ text: event.target.value })}
            error={article.included && article.text.trim() === ''}
            multiline
            minRows={6}
            fullWidth
            slotProps={{ htmlInput: { 'data-testid': 'import-text' } }}
          />
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary', whiteSpace: 'pre-wrap' }} data-testid="import-excerpt">
            {excerpt(article.text)}
          </Typography>
        )}
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
          <Button size="small" onClick={() => setExpanded(open => !open)}>
            {translate(expanded ? 'app.source_import.collapse' : 'app.source_import.expand', { smart_count: [...article.text].length })}
          </Button>
          <Button size="small" startIcon={<CallMerge />} onClick={onMerge} disabled={last}>
            {translate('app.source_import.merge_next')}
          </Button>
          <Button size="small" startIcon={<ContentCut />} onClick={event => setSplitMenu(event.currentTarget)} disabled={paragraphs.length < 2}>
            {translate('app.source_import.split')}
          </Button>
        </Stack>
        <Menu anchorEl={splitMenu} open={splitMenu !== null} onClose={() => setSplitMenu(null)} onClick={event => event.stopPropagation()}>
          <MenuItem disabled dense>
            {translate('app.source_import.split_help')}
          </MenuItem>
          {paragraphs.slice(1).map((paragraph, at) => (
            <MenuItem
              key={at}
              data-testid="import-split-paragraph"
              onClick={() => {
                setSplitMenu(null);
                onSplit(at + 1);
              }}
              sx={{ whiteSpace: 'normal', maxWidth: 520 }}
            >
              {translate('app.source_import.split_at', { number: at + 2, start: excerpt(paragraph, 30) })}
            </MenuItem>
          ))}
        </Menu>
      </CardContent>
    </Card>
  );
};

/** N 篇已保存, each skipped article with its reason, and the way to the 来稿 list. */
const SavedResult = ({ result, newspaper }: { result: SaveResult; newspaper: string }) => {
  const translate = useTranslate();
  return (
    <>
      <Alert severity={result.skipped.length > 0 ? 'warning' : 'success'} data-testid="import-saved">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate('app.source_import.saved', { smart_count: result.created.length })}
        </Typography>
        {result.skipped.length > 0 ? (
          <>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('app.source_import.skipped', { smart_count: result.skipped.length })}
            </Typography>
            <Box component="ul" sx={{ my: 0.5, pl: 3 }}>
              {result.skipped.map(item => (
                <li key={`${item.existingId}-${item.headline}`} data-testid="import-skipped">
                  <MuiLink component={Link} to={`/sources/${encodeURIComponent(item.existingId)}/show`}>
                    {item.headline}
                  </MuiLink>
                  {translate('app.source_import.skipped_reason', { reason: item.reason })}
                </li>
              ))}
            </Box>
          </>
        ) : null}
        <MuiLink component={Link} to={sourcesOfPath(newspaper)} sx={{ display: 'inline-block', mt: 1 }} data-testid="import-sources-link">
          {translate('app.source_import.to_sources')}
        </MuiLink>
      </Alert>
      {/* Each article saved, against the entries already written: its event may be recorded. */}
      {result.created.map(source => (
        <DuplicatePanel
          key={source.id}
          request={sourceDuplicateRequest(source)}
          heading={translate('app.duplicates.of_source', { headline: source.headline })}
          newTab
        />
      ))}
    </>
  );
};

export default SourceImport;
