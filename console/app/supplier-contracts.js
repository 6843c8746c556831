import { api } from './api.js';

// The association's contracts (GET /api/contracts, owned or joined, each with its supplier's name): the suppliers,
// spend and performance pages name suppliers and contracts by these rather than by their ids.

/** The contracts, and lookups of a contract by id and of a supplier's name by id. */
export async function readContracts() {
  const answer = await api('/contracts');
  const contracts = Array.isArray(answer) ? answer : answer.contracts;
  const byId = new Map(contracts.map((contract) => [contract.contractId, contract]));
  const supplierNames = new Map(contracts.map((contract) => [contract.terms.supplierId, contract.supplierName]));
  return { contracts, byId, supplierNames };
}

/** A contract's title, or its id when the association no longer lists it. */
export const contractTitle = (byId, contractId) => byId.get(contractId)?.terms.title ?? contractId;
