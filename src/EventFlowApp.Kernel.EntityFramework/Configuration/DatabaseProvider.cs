namespace EventFlowApp.Kernel.EntityFramework.Configuration;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
