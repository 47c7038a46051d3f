using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Lossless.DataTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: initdb into a fresh temp folder, pg_ctl on a free
/// loopback port (127.0.0.1 only, unix socket inside the temp folder, trust auth), stopped and deleted at the end.
/// Shared by every test class in <see cref="PostgresCollection"/>; each test takes its own database with
/// <see cref="CreateDatabase"/>. When the binaries are missing or the cluster does not start, construction
/// throws with how to install PostgreSQL: tests fail, they never skip.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>The OS user that owns the cluster when the tests run as root (initdb refuses root).</summary>
    public const string ServiceUser = "postgres";

    private const string InstallHint =
        "install them with `apt-get install -y postgresql` (./test.sh does this)";

    private static int databaseCounter;

    private readonly object gate = new();
    private readonly string root;
    private readonly string dataDirectory;
    private readonly bool runAsServiceUser;
    private bool stopped;

    public PostgresCluster()
    {
        BinDirectory = FindBinDirectory()
            ?? throw new InvalidOperationException(
                "PostgreSQL binaries not found (no initdb in PATH nor in /usr/lib/postgresql/*/bin): " + InstallHint + ".");

        runAsServiceUser = Environment.IsPrivilegedProcess;
        root = Path.Combine(Path.GetTempPath(), "lossless-pg-" + Guid.NewGuid().ToString("N")[..12]);
        dataDirectory = Path.Combine(root, "data");
        SocketDirectory = Path.Combine(root, "socket");
        LogFile = Path.Combine(root, "postgresql.log");
        Directory.CreateDirectory(SocketDirectory);

        try
        {
            if (runAsServiceUser)
            {
                // initdb and postgres refuse to run as root: the cluster belongs to the Debian package's service user.
                Run("chown", ["-R", ServiceUser + ":", root], asServiceUser: false, "chown the cluster folder to '" + ServiceUser + "'");
            }

            Run(Path.Combine(BinDirectory, "initdb"),
                ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                runAsServiceUser, "initdb");

            Port = StartOnFreePort();
            AdminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = Port,
                Username = "postgres",
                Database = "postgres",
                Pooling = false,
                Timeout = 30,
            }.ConnectionString;

            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            ServerVersion = connection.PostgreSqlVersion.ToString();
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The folder holding initdb, pg_ctl and postgres.</summary>
    public string BinDirectory { get; }

    /// <summary>The loopback port the cluster listens on (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>The folder of the cluster's unix socket.</summary>
    public string SocketDirectory { get; }

    /// <summary>The server log (kept in the temp folder until the cluster is disposed).</summary>
    public string LogFile { get; }

    /// <summary>The server's version, e.g. "15.14".</summary>
    public string ServerVersion { get; } = "";

    /// <summary>Connects as the superuser to the maintenance database <c>postgres</c>.</summary>
    public string AdminConnectionString { get; } = "";

    /// <summary>
    /// Creates a fresh, empty database with a unique name and returns it; tests that use their own database are
    /// isolated from each other. The database lives until the cluster is disposed.
    /// </summary>
    /// <param name="hint">A readable part of the name (letters, digits and underscores are kept).</param>
    public PostgresDatabase CreateDatabase(string? hint = null)
    {
        var number = Interlocked.Increment(ref databaseCounter);
        var name = "t" + number.ToString(CultureInfo.InvariantCulture) + "_" + Sanitize(hint ?? "db");
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE DATABASE \"" + name + "\" TEMPLATE template0", connection);
            command.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connectionString);
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            TryRun(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30"]);
        }

        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next run uses a new one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The bin folder of Debian's PostgreSQL: initdb's folder when it is in PATH, else the highest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "initdb");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                // Debian links /usr/local/bin/initdb etc. to the versioned folder: use the real folder so that
                // pg_ctl finds the postgres binary beside it.
                var target = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true);
                return target is null ? directory : Path.GetDirectoryName(target.FullName);
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        string? best = null;
        var bestVersion = -1m;
        foreach (var versionDirectory in Directory.GetDirectories(debianRoot))
        {
            var bin = Path.Combine(versionDirectory, "bin");
            if (!File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
            {
                continue;
            }

            if (decimal.TryParse(Path.GetFileName(versionDirectory), NumberStyles.Number, CultureInfo.InvariantCulture, out var version)
                && version > bestVersion)
            {
                bestVersion = version;
                best = bin;
            }
        }

        return best;
    }

    private int StartOnFreePort()
    {
        // A port taken between picking it and binding it makes pg_ctl fail: try a few.
        string lastError = "";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            var options = string.Join(
                ' ',
                "-c listen_addresses=127.0.0.1",
                "-c port=" + port.ToString(CultureInfo.InvariantCulture),
                "-c unix_socket_directories=" + SocketDirectory,
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=100",
                "-c TimeZone=UTC");
            var result = Execute(
                Path.Combine(BinDirectory, "pg_ctl"),
                ["start", "-D", dataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options],
                runAsServiceUser);
            if (result.ExitCode == 0)
            {
                return port;
            }

            lastError = result.Output + ReadLogTail();
        }

        throw new InvalidOperationException(
            "PostgreSQL could not be started from " + BinDirectory + " (pg_ctl start failed): " + lastError.Trim()
            + Environment.NewLine + "If PostgreSQL is not installed, " + InstallHint + ".");
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private string ReadLogTail()
    {
        try
        {
            return File.Exists(LogFile) ? Environment.NewLine + File.ReadAllText(LogFile) : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private void Run(string fileName, string[] arguments, bool asServiceUser, string what)
    {
        var result = Execute(fileName, arguments, asServiceUser);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "PostgreSQL could not be started: " + what + " exited with " + result.ExitCode.ToString(CultureInfo.InvariantCulture)
                + ": " + result.Output.Trim() + Environment.NewLine + "If PostgreSQL is not installed, " + InstallHint + ".");
        }
    }

    private void TryRun(string fileName, string[] arguments)
    {
        try
        {
            Execute(fileName, arguments, runAsServiceUser);
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    private (int ExitCode, string Output) Execute(string fileName, string[] arguments, bool asServiceUser)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        if (asServiceUser)
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(ServiceUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The server inherits no locale surprises from the test host.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANG"] = "C";

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start " + startInfo.FileName);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                "PostgreSQL could not be started: running " + startInfo.FileName + " failed (" + exception.Message + ")."
                + (asServiceUser ? " The tests run as root and start PostgreSQL as the '" + ServiceUser + "' user with runuser." : "")
                + Environment.NewLine + "If PostgreSQL is not installed, " + InstallHint + ".",
                exception);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("PostgreSQL could not be started: " + fileName + " did not finish within 2 minutes.");
            }

            return (process.ExitCode, output.Result + error.Result);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    private static string Sanitize(string hint)
    {
        var characters = new List<char>(hint.Length);
        foreach (var c in hint)
        {
            if (characters.Count == 40)
            {
                break;
            }

            characters.Add(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        return new string(characters.ToArray());
    }
}

/// <summary>One database of the test cluster.</summary>
public sealed class PostgresDatabase
{
    public PostgresDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>Connects as the superuser, without pooling, to this database only.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection string with the session TimeZone set (Npgsql sends it at connect).</summary>
    public string WithTimeZone(string timeZone)
        => new NpgsqlConnectionStringBuilder(ConnectionString) { Timezone = timeZone }.ConnectionString;
}
