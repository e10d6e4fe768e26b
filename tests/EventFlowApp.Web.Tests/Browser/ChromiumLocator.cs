namespace EventFlowApp.Web.Tests.Browser;

/// <summary>Where Chromium is: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium, else chromium on the PATH.</summary>
public static class ChromiumLocator
{
    public const string Variable = "CHROMIUM_PATH";

    public static string Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable} is '{configured}', which does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") });
        return new[] { "/usr/bin/chromium" }.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Chromium was not found for the browser tests: install Debian's package (`apt-get install chromium`, " +
                $"which ./scripts/test.sh does) or set {Variable} to a Chromium executable.");
    }
}
