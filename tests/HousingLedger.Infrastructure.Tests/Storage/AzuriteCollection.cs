using HousingLedger.Testing;

namespace HousingLedger.Infrastructure.Tests.Storage;

/// <summary>This assembly's storage tests share one private Azurite.</summary>
[CollectionDefinition(AzuriteFixture.CollectionName)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
