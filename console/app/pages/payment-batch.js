import { api, download } from '../api.js';
import { html } from '../html.js';
import { money, when, day } from '../format.js';

export const may = 'readPayments';

// The files settlement writes for every batch, with what each is for.
const files = [
  { name: 'pain.001.001.09.xml', what: 'ISO 20022 credit transfer for the bank' },
  { name: 'bacs18.txt', what: 'Bacs Standard 18 payment file' },
  { name: 'remittance.csv', what: 'Remittance advice: a line per job paid' },
  { name: 'manifest.json', what: 'Manifest: the batch’s figures and each file’s SHA-256' },
];

const row = (key, value) => html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;

export async function render(main, { values }) {
  const manifest = await api(`/payment-batches/${encodeURIComponent(values.batchId)}`);
  const payees = manifest.payeesWithRecentBankChanges ?? [];
  const listed = manifest.files ?? {};
  main.innerHTML = html`
    <a href="/payments" class="govuk-back-link">Back to payments</a>
    <span class="govuk-caption-l">Payment batch</span>
    <h1 class="govuk-heading-l hl-monospace">${manifest.batchId}</h1>
    ${payees.length ? html`<div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
          Bank details changed recently for ${payees.join(', ')}. Check them with the supplier before you send these files to the bank.</strong>
      </div>` : ''}
    <dl class="govuk-summary-list">
      ${row('Created', when(manifest.createdAt))}
      ${row('Payment date', day(manifest.paymentDate))}
      ${row('Jobs', manifest.totals?.numberOfJobs)}
      ${row('Transactions', manifest.totals?.numberOfTransactions)}
      ${row('Control sum', money(manifest.totals?.controlSum))}
      ${row('Settlement run', html`<span class="hl-monospace">${manifest.runId}</span>`)}
      ${row('Bank details changed recently', payees.length ? html`<strong class="govuk-tag govuk-tag--red">Yes</strong> ${payees.join(', ')}` : 'No')}
    </dl>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Files</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">File</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Size (bytes)</th>
        <th scope="col" class="govuk-table__header">SHA-256</th>
        <th scope="col" class="govuk-table__header">Download</th>
      </tr></thead>
      <tbody class="govuk-table__body">${files.map((file) => html`<tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${file.name}<br><span class="govuk-body-s">${file.what}</span></th>
          <td class="govuk-table__cell govuk-table__cell--numeric">${listed[file.name]?.size ?? ''}</td>
          <td class="govuk-table__cell hl-monospace">${listed[file.name]?.sha256 ?? 'The manifest’s own hash is on the chain, in batch.created'}</td>
          <td class="govuk-table__cell"><button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" data-file="${file.name}">
            Download<span class="govuk-visually-hidden"> ${file.name}</span></button></td>
        </tr>`)}</tbody>
    </table>`;

  // The files need the key's Authorization header, which a plain link cannot send: fetch, then save. Any media
  // type is accepted, so api.js hands back the bytes as stored rather than parsing the manifest.
  main.querySelectorAll('button[data-file]').forEach((button) => button.addEventListener('click', async () => {
    const file = files.find((f) => f.name === button.dataset.file);
    const response = await api(`/payment-batches/${encodeURIComponent(values.batchId)}/files/${file.name}`, { accept: '*/*' });
    await download(response, file.name);
  }));
  return `Payment batch ${manifest.batchId}`;
}
