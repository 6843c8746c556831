import { day, percent } from '../format.js';
import { html } from '../html.js';
import { readContracts } from '../contracts.js';

export const may = 'readSuppliers';

export async function render(main, { caller }) {
  const { contracts } = await readContracts();
  const suppliers = new Map();
  for (const contract of contracts) {
    const supplierId = contract.terms.supplierId;
    if (!suppliers.has(supplierId)) suppliers.set(supplierId, { supplierId, name: contract.supplierName ?? supplierId, contracts: [] });
    suppliers.get(supplierId).contracts.push(contract);
  }

  const sorted = [...suppliers.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const supplier = (s, i) => html`
    <h2 class="govuk-heading-m"><a class="govuk-link" href="/suppliers/${encodeURIComponent(s.supplierId)}">${s.name}</a></h2>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">Contracts with ${s.name}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Contract</th>
        <th scope="col" class="govuk-table__header">Runs</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Late-penalty threshold</th>
        <th scope="col" class="govuk-table__header">Held</th>
      </tr></thead>
      <tbody class="govuk-table__body">${s.contracts.map((c) => html`
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header">${c.terms.title}</th>
          <td class="govuk-table__cell">${day(c.terms.starts)} to ${day(c.terms.ends)}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric">${percent(c.terms.latePenalty?.threshold)}</td>
          <td class="govuk-table__cell">${c.ownerId === caller.associationId ? 'Owned by your association' : 'Joined'}</td>
        </tr>`)}
      </tbody>
    </table>
    ${i < sorted.length - 1 ? html`<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">` : ''}`;

  main.innerHTML = html`
    <h1 class="govuk-heading-l">Suppliers</h1>
    <p class="govuk-body">The suppliers your association holds contracts with. Open a supplier to see how it keeps to its deadlines, its late jobs and what you have paid it.</p>
    ${sorted.length ? sorted.map(supplier) : html`<p class="govuk-body">Your association holds no contracts yet.</p>`}`;
  return 'Suppliers';
}
