using System.Net;
using EventFlowApp.Kernel.Hangfire.Running;
using Hangfire;
using Hangfire.Dashboard;

namespace EventFlowApp.Kernel.Hangfire.Dashboard;

/// <summary>Shows a job's progress (done / total, rate, time left) on its page in the Hangfire dashboard, refreshed with the page.</summary>
public static class ProgressRenderer
{
    private static int _registered;

    /// <summary>Hangfire keeps job-page renderers in a static list: register ours once per process however many hosts start.</summary>
    public static IGlobalConfiguration UseEventFlowAppDashboard(this IGlobalConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            configuration.UseJobDetailsRenderer(5, Render);
        }

        return configuration;
    }

    private static NonEscapedString Render(JobDetailsRendererDto details)
    {
        using var connection = details.Page.Storage.GetConnection();
        var progress = connection.GetJobParameter(details.JobId, HangfireJobRun.ProgressParameter);
        return string.IsNullOrEmpty(progress)
            ? new NonEscapedString(string.Empty)
            : new NonEscapedString(
                $"<div class=\"alert alert-info eventflowapp-progress\"><strong>Progress:</strong> {WebUtility.HtmlEncode(progress)}</div>");
    }
}
