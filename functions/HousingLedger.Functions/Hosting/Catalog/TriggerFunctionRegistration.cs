namespace HousingLedger.Functions.Hosting.Catalog;

/// <summary>A declared queue or timer function: its name and the class that runs it.</summary>
internal abstract record TriggerFunctionRegistration(string FunctionName, Type FunctionType);

/// <summary>A queue function: <see cref="QueueName"/> triggers it.</summary>
internal sealed record QueueFunctionRegistration(string FunctionName, string QueueName, Type FunctionType)
    : TriggerFunctionRegistration(FunctionName, FunctionType);
