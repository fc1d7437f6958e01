using System.Diagnostics;

namespace NewsAggregator.Tests.Faults;

/// <summary>
/// A small file system of its own for a database: a size-limited tmpfs (disk full, then more room by remounting it
/// bigger) or a loop-mounted ext4 image (whose files can be made immutable under a running process with chattr +i,
/// which root cannot get round, unlike permission bits). Needs root or CAP_SYS_ADMIN; <see cref="TryMountTmpfs"/> and
/// <see cref="TryMountExt4"/> say why not when they cannot.
/// </summary>
public sealed class SmallFileSystem : IDisposable
{
    private readonly string? _image;

    private SmallFileSystem(string path, string? image)
    {
        Path = path;
        _image = image;
    }

    public string Path { get; }

    public static (SmallFileSystem? Mounted, string? WhyNot) TryMountTmpfs(int megabytes)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-tmpfs-").FullName;
        var (ok, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0755", "tmpfs", folder);
        if (ok)
            return (new SmallFileSystem(folder, null), null);
        Directory.Delete(folder);
        return (null, $"mount -t tmpfs failed: {output.Trim()}");
    }

    public static (SmallFileSystem? Mounted, string? WhyNot) TryMountExt4(int megabytes)
    {
        var image = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"newsagg-ext4-{Guid.NewGuid():N}.img");
        using (var file = File.Create(image))
            file.SetLength(megabytes * 1024L * 1024);
        var (made, makeOutput) = Run("mkfs.ext4", "-q", "-F", image);
        if (!made)
        {
            File.Delete(image);
            return (null, $"mkfs.ext4 failed: {makeOutput.Trim()}");
        }
        var folder = Directory.CreateTempSubdirectory("newsagg-ext4-").FullName;
        var (ok, output) = Run("mount", "-o", "loop", image, folder);
        if (ok)
            return (new SmallFileSystem(folder, image), null);
        Directory.Delete(folder);
        File.Delete(image);
        return (null, $"mount -o loop failed: {output.Trim()}");
    }

    /// <summary>mount -o remount,OPTIONS: e.g. "size=64m" for more room, "ro" or "rw".</summary>
    public void Remount(string options)
    {
        var (ok, output) = Run("mount", "-o", $"remount,{options}", Path);
        Assert.True(ok, $"mount -o remount,{options} {Path} failed: {output}");
    }

    /// <summary>chattr +i / -i: an immutable file refuses writes even through descriptors opened before (ext4).</summary>
    public static void Immutable(string path, bool on)
    {
        var (ok, output) = Run("chattr", on ? "+i" : "-i", path);
        Assert.True(ok, $"chattr {(on ? "+i" : "-i")} {path} failed: {output}");
    }

    public (long Used, long Size) Usage()
    {
        var drive = new DriveInfo(Path);
        return (drive.TotalSize - drive.AvailableFreeSpace, drive.TotalSize);
    }

    public void Dispose()
    {
        foreach (var file in Directory.Exists(Path) ? Directory.GetFileSystemEntries(Path) : [])
            Run("chattr", "-i", file);
        Run("chattr", "-i", Path);
        // Lazy: a process killed a moment ago may still hold the files for a few milliseconds.
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; nothing depends on it.
        }
        if (_image is not null)
            File.Delete(_image);
    }

    private static (bool Ok, string Output) Run(string command, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, output.Result + errors);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"{command}: {e.Message}");
        }
    }
}
