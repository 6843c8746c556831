import { api } from './api.js';

// The association's contracts (GET /api/contracts, owned or joined, each with its supplier's name): pages name
// suppliers and contracts by these rather than by their ids, and a job is raised under one of their items.

/** The contracts, and lookups of a contract by id and of a supplier's name by id. */
export async function readContracts() {
  const { contracts } = await api('/contracts');
  const byId = new Map(contracts.map((contract) => [contract.contractId, contract]));
  const supplierNames = new Map(contracts.map((contract) => [contract.terms.supplierId, contract.supplierName]));
  return { contracts, byId, supplierNames };
}

/** A contract's title, or its id when the association no longer lists it. */
export const contractTitle = (byId, contractId) => byId.get(contractId)?.terms.title ?? contractId;
