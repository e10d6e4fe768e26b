using System.Text;

namespace EventFlowApp.Web.Security;

/// <summary>
/// <c>dotnet run --project src/EventFlowApp.Web -- hash-password</c>: reads one password line from standard
/// input and prints only its hash, for <c>Security:Users:N:PasswordHash</c>.
/// </summary>
public static class HashPasswordCommand
{
    public const string Argument = "hash-password";

    /// <returns>The process exit code: 0, or 1 when no password was given.</returns>
    public static int Run(TextReader input, TextWriter output, TextWriter error)
    {
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("hash-password: no password read from standard input (give one line, e.g. `read -rs P; printf '%s\\n' \"$P\" | ...`).");
            return 1;
        }

        output.WriteLine(PasswordHashing.Hash(password));
        return 0;
    }

    /// <summary>From a terminal the password is typed without echo; from a pipe it is read as a line.</summary>
    public static int RunOnConsole()
    {
        if (Console.IsInputRedirected)
        {
            return Run(Console.In, Console.Out, Console.Error);
        }

        Console.Error.Write("Password: ");
        var typed = ReadWithoutEcho();
        Console.Error.WriteLine();
        return Run(new StringReader(typed), Console.Out, Console.Error);
    }

    private static string ReadWithoutEcho()
    {
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        return password.ToString();
    }
}
