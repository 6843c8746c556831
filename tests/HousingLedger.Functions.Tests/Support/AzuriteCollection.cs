using HousingLedger.Testing;

namespace HousingLedger.Functions.Tests.Support;

/// <summary>Every test in this assembly that needs storage shares the run's private Azurite.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
