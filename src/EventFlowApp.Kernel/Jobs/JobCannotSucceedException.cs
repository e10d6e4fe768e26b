namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// A job failed in a way a retry would only repeat (a failed rebuild, a dropped generation): the
/// scheduler marks it failed at once, with this message, instead of retrying it for hours.
/// </summary>
public sealed class JobCannotSucceedException : Exception
{
    public JobCannotSucceedException(string message)
        : base(message)
    {
    }

    public JobCannotSucceedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JobCannotSucceedException()
    {
    }
}
