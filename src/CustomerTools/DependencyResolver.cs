using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace CustomerTools;

/// <summary>
/// Windows PowerShell 5.1 does not carry System.Text.Json, so the netstandard2.0 build ships it
/// and its dependencies in bin/netstandard2.0/dependencies. This resolver loads them from there,
/// and only them: it answers for names in that folder, asked for by CustomerTools or by one of
/// those dependencies, at a version at least the one asked for. It is added on import and removed
/// on unload; on PowerShell 7 (where .NET carries them all) it never registers.
/// </summary>
public sealed class DependencyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static ResolveEventHandler? s_handler;

    public void OnImport()
    {
        if (!NeedsResolver)
        {
            return;
        }

        string folder = Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location)!, "dependencies");
        var resolver = new Resolver(folder);
        lock (Gate)
        {
            if (s_handler is null)
            {
                s_handler = (_, args) => resolver.Resolve(new AssemblyName(args.Name), args.RequestingAssembly);
                AppDomain.CurrentDomain.AssemblyResolve += s_handler;
            }
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            if (s_handler is not null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= s_handler;
                s_handler = null;
            }
        }
    }

    // Only the .NET Framework (Windows PowerShell) lacks what the dependencies folder holds.
    private static bool NeedsResolver =>
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>The decision, apart from the event, so that it can be tested on any runtime.</summary>
    internal sealed class Resolver
    {
        // Read on the first request, not at import: importing does no I/O.
        private readonly Lazy<Dictionary<string, string>> _files;

        public Resolver(string folder)
        {
            _files = new Lazy<Dictionary<string, string>>(() => List(folder));
        }

        public Assembly? Resolve(AssemblyName requested, Assembly? requester) =>
            FindFile(requested, requester?.GetName()) is { } file ? Assembly.LoadFrom(file) : null;

        /// <summary>The file to load for <paramref name="requested"/>, or null to let others answer.</summary>
        public string? FindFile(AssemblyName requested, AssemblyName? requester)
        {
            bool askedByUs = requester is not null
                && (requester.Name == typeof(DependencyResolver).Assembly.GetName().Name || _files.Value.ContainsKey(requester.Name!));
            if (!askedByUs || requested.Name is null || !_files.Value.TryGetValue(requested.Name, out string? file))
            {
                return null;
            }

            Version? available = AssemblyName.GetAssemblyName(file).Version;
            return requested.Version is null || (available is not null && available >= requested.Version) ? file : null;
        }

        private static Dictionary<string, string> List(string folder)
        {
            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(folder))
            {
                foreach (string file in Directory.GetFiles(folder, "*.dll"))
                {
                    files[Path.GetFileNameWithoutExtension(file)] = file;
                }
            }

            return files;
        }
    }
}
