using System.Text.Json.Serialization;

namespace HousingLedger.Values;

/// <summary>A repair job's id, unique in the service.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<JobId>))]
public readonly record struct JobId : ITypedId<JobId>
{
    private JobId(string value) => Value = value;

    public string Value { get; }

    public static string Prefix => "job";

    static JobId ITypedId<JobId>.FromChecked(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>A contract's id.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<ContractId>))]
public readonly record struct ContractId : ITypedId<ContractId>
{
    private ContractId(string value) => Value = value;

    public string Value { get; }

    public static string Prefix => "con";

    static ContractId ITypedId<ContractId>.FromChecked(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>A supplier's id.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<SupplierId>))]
public readonly record struct SupplierId : ITypedId<SupplierId>
{
    private SupplierId(string value) => Value = value;

    public string Value { get; }

    public static string Prefix => "sup";

    static SupplierId ITypedId<SupplierId>.FromChecked(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>An association's id, which also names its chain.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<AssociationId>))]
public readonly record struct AssociationId : ITypedId<AssociationId>
{
    private AssociationId(string value) => Value = value;

    public string Value { get; }

    public static string Prefix => "asc";

    static AssociationId ITypedId<AssociationId>.FromChecked(string value) => new(value);

    public override string ToString() => Value;
}

/// <summary>An event's id, unique in its chain: a webhook's <c>webhook-id</c>, an API call's <c>Idempotency-Key</c>, or one the service chose.</summary>
[JsonConverter(typeof(TypedIdJsonConverter<EventId>))]
public readonly record struct EventId : ITypedId<EventId>
{
    private EventId(string value) => Value = value;

    public string Value { get; }

    public static string Prefix => "evt";

    static EventId ITypedId<EventId>.FromChecked(string value) => new(value);

    public override string ToString() => Value;
}
