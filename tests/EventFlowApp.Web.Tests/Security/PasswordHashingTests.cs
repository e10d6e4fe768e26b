using System.Diagnostics;
using EventFlowApp.Web.Security;

namespace EventFlowApp.Web.Tests.Security;

public sealed class PasswordHashingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_hash_verifies_its_password_and_no_other()
    {
        var hash = PasswordHashing.Hash("sesame open");

        Assert.True(PasswordHashing.Verify(hash, "sesame open"));
        Assert.False(PasswordHashing.Verify(hash, "sesame Open"));
        Assert.False(PasswordHashing.Verify(hash, ""));
        Assert.DoesNotContain("sesame", hash, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time_because_of_the_salt()
    {
        Assert.NotEqual(PasswordHashing.Hash("sesame open"), PasswordHashing.Hash("sesame open"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sesame open")]
    [InlineData("c2VzYW1lIG9wZW4=")]
    public void A_plain_password_or_other_base64_is_not_taken_for_a_hash(string value)
    {
        Assert.False(PasswordHashing.LooksLikeHash(value));
        Assert.False(PasswordHashing.Verify(value, value));
    }

    [Fact]
    public void The_command_prints_only_a_hash_of_the_line_it_reads()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = HashPasswordCommand.Run(new StringReader("two words\nignored"), output, error);

        Assert.Equal(0, exitCode);
        var hash = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.True(PasswordHashing.Verify(hash, "two words"));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void The_command_fails_without_a_password()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(1, HashPasswordCommand.Run(new StringReader(""), output, error));
        Assert.Equal("", output.ToString());
        Assert.Contains("no password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_hashes_a_password_from_standard_input_and_exits_without_starting()
    {
        // The same entry point as `dotnet run --project src/EventFlowApp.Web -- hash-password`, with no
        // database configured: hashing must not need one.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EventFlowApp.Web.dll"));
        start.ArgumentList.Add(HashPasswordCommand.Argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        await process.StandardInput.WriteLineAsync("from a pipe");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await error}");
        Assert.True(PasswordHashing.Verify((await output).Trim(), "from a pipe"));
    }
}
