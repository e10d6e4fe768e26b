namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>
/// What every read-model store must do, whatever the database: the in-memory reference store and the EF
/// store on each provider run these same tests (see <c>ReadModelStoreProviders.cs</c>), each on its own database.
/// </summary>
public abstract partial class ReadModelStoreSuite : ReadModelSuiteBase;
