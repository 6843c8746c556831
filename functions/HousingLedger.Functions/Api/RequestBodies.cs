using System.Text.Json.Nodes;

namespace HousingLedger.Functions.Api;

// The shapes of the request bodies, as the OpenAPI document publishes them. Handlers read bodies with
// RequestFields instead of model binding, so every wrong field is named in one problem response; these
// records only describe what they read.

/// <summary>UK bank details.</summary>
public sealed record BankDetailsBody(string SortCode, string AccountNumber, string AccountName);

/// <summary><c>POST /api/associations</c>.</summary>
public sealed record OnboardAssociationBody(string? AssociationId, string Name, BankDetailsBody Bank);

/// <summary><c>POST /api/suppliers</c>.</summary>
public sealed record RegisterSupplierBody(string? SupplierId, string Name, string WorkOrderUrl, BankDetailsBody Bank);

/// <summary><c>POST /api/contracts</c>: the terms of a contract. Rates are decimal strings, prices integer pence, timescales ISO 8601 durations.</summary>
public sealed record ContractTermsBody(
    string Title, string SupplierId, string Starts, string Ends, string VatRate, IReadOnlyList<ContractItemBody> Items,
    TimescalesBody Timescales, VolumeDiscountBody VolumeDiscount, LatePenaltyBody LatePenalty);

public sealed record ContractItemBody(string Code, string Description, long UnitPrice);

public sealed record TimescalesBody(string Emergency, string Urgent, string Routine);

public sealed record VolumeDiscountBody(IReadOnlyList<DiscountTierBody> Tiers);

public sealed record DiscountTierBody(int MinUnits, string Rate);

public sealed record LatePenaltyBody(string Window, string Threshold, string Reduction);

/// <summary><c>POST /api/jobs</c>.</summary>
public sealed record RaiseJobBody(string? JobId, string ContractId, string ItemCode, int Quantity, string Priority, string PropertyRef, string? RaisedAt);

/// <summary><c>POST /api/jobs/{jobId}/approval</c>: <c>decision</c> is <c>approved</c> or <c>disputed</c>.</summary>
public sealed record ApprovalBody(string Decision, string? OccurredAt, string? Reason);

/// <summary><c>POST /api/webhooks/suppliers/{supplierId}</c>, signed with Standard Webhooks.</summary>
public sealed record SupplierEventBody(string Type, string JobId, string? OccurredAt, JsonObject? Data);
