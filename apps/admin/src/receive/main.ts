/**
 * The page a unit opens from its link, `/receive/<token>`: the issue, the unit it was sent to,
 * the PDF to download and the 确认签收 form. A page of its own (receive.html), plain DOM and no
 * framework, so a phone loads a few kilobytes instead of the admin.
 */
import { receiveClient, ReceiveError, tokenFromPath } from '../providers/receiveClient';
import { errorText, receiveView, signerProblem, type ReceiveView } from './receiveView';

const root = document.getElementById('receive') as HTMLElement;
const token = tokenFromPath(window.location.pathname);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function show(...content: Node[]): void {
  root.replaceChildren(...content);
  root.setAttribute('aria-busy', 'false');
}

function showError(error: unknown): void {
  const text = error instanceof ReceiveError ? errorText(error.status, error.message) : errorText(undefined, '');
  document.title = '大事月报 · 签收';
  show(element('h1', {}, '大事月报'), element('p', { className: 'notice error', role: 'alert' } as Partial<HTMLParagraphElement>, text));
}

function render(view: ReceiveView, confirmError?: string, busy = false): void {
  document.title = `${view.title} · 签收`;
  const content: Node[] = [element('h1', {}, view.title), element('p', { className: 'meta' }, view.meta), element('p', { className: 'unit' }, view.unit)];
  for (const notice of view.notices) content.push(element('p', { className: `notice ${notice.tone}`, role: 'status' } as Partial<HTMLParagraphElement>, notice.text));
  for (const download of view.downloads) {
    const link = element('a', { className: download.primary ? 'button primary' : 'button', href: download.href }, download.label);
    if (download.size) link.append(element('span', { className: 'size' }, `（${download.size}）`));
    content.push(link);
  }
  if (view.confirm) content.push(confirmForm(view, view.confirm.button, confirmError, busy));
  content.push(element('p', { className: 'expiry' }, view.expiry));
  show(...content);
}

function confirmForm(view: ReceiveView, button: string, problem: string | undefined, busy: boolean): HTMLFormElement {
  const input = element('input', { id: 'signer', name: 'name', type: 'text', autocomplete: 'name', required: true, maxLength: 40, disabled: busy });
  const error = element('p', { className: 'notice error', role: 'alert', hidden: !problem } as Partial<HTMLParagraphElement>, problem ?? '');
  const form = element(
    'form',
    { className: 'confirm' },
    element('label', { htmlFor: 'signer' }, '签收人姓名'),
    input,
    error,
    element('button', { type: 'submit', className: 'button primary', disabled: busy }, busy ? '正在提交…' : button),
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    const name = input.value.trim();
    const invalid = signerProblem(name);
    if (invalid) {
      error.textContent = invalid;
      error.hidden = false;
      input.focus();
      return;
    }
    render(view, undefined, true);
    receiveClient.confirm(token as string, name).then(
      delivery => render(receiveView(token as string, delivery)),
      (failure: unknown) => {
        // 404/410/429: the link itself is refused now; anything else is shown beside the form.
        if (failure instanceof ReceiveError && failure.status !== undefined && [404, 410].includes(failure.status)) showError(failure);
        else render(view, failure instanceof ReceiveError ? errorText(failure.status, failure.message) : errorText(undefined, ''));
      },
    );
  });
  return form;
}

if (!token) showError(new ReceiveError('', 404));
else receiveClient.read(token).then(delivery => render(receiveView(token, delivery)), showError);
