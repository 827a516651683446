using Mono.Cecil;

namespace Carbon.Server.Tests;

/// <summary>
/// Keeps the arrows between the service's parts (docs/architecture.md) as drawn, read off the built assemblies with
/// Mono.Cecil: signatures and IL, so a use inside a lambda or an async body counts as much as a field does. To change
/// a rule, change a line of <see cref="Parts"/> or <see cref="Allowed"/>.
/// </summary>
public class ArchitectureTests
{
    /// <summary>Namespace prefix → part; the longest prefix wins. "" is the global namespace (Program).</summary>
    private static readonly IReadOnlyList<(string Prefix, string Part)> Parts =
    [
        ("Carbon.Domain", "Domain"),
        ("Carbon.Certificates", "Documents"),
        ("Carbon.Sheets", "Sheets"),
        ("Carbon.Server.Configuration", "Configuration"),
        ("Carbon.Server.Telemetry", "Telemetry"),
        ("Carbon.Server.Wire", "Wire"),
        ("Carbon.Server.Http", "Http"),
        ("Carbon.Server.Factors", "Factors"),
        ("Carbon.Server.Ledger", "Ledger"),
        ("Carbon.Server.Certificates", "Certificates"),
        ("Carbon.Server.Grains", "Grains"),
        ("Carbon.Server.Accounts", "Accounts"),
        ("Carbon.Server.Demo", "Demo"),
        ("Carbon.Server.Features", "Features"),
        ("Carbon.Server.Hosting", "Hosting"),
        ("", "Hosting"),
    ];

    private const string Everything = "*";

    /// <summary>The parts each part may use besides itself. Hosting is the composition root: it wires everything.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Domain"] = [],
        ["Configuration"] = ["Domain"],
        ["Telemetry"] = [],
        ["Wire"] = ["Domain"],
        ["Http"] = ["Domain", "Configuration", "Wire"],
        ["Factors"] = ["Domain", "Configuration", "Wire"],
        ["Ledger"] = ["Domain", "Configuration", "Telemetry"],
        ["Documents"] = ["Domain"],
        ["Sheets"] = [],
        ["Certificates"] = ["Domain", "Configuration", "Wire", "Documents", "Telemetry"],
        ["Grains"] = ["Domain", "Configuration", "Factors", "Ledger", "Certificates", "Documents", "Sheets", "Telemetry"],
        ["Accounts"] = ["Domain", "Configuration", "Http", "Ledger"],
        ["Demo"] = ["Domain", "Configuration", "Ledger"],
        ["Features"] = ["Domain", "Configuration", "Wire", "Http", "Factors", "Ledger", "Certificates", "Documents", "Sheets", "Grains", "Accounts", "Telemetry"],
        ["Hosting"] = [Everything],
    };

    /// <summary>Each sub-namespace of this one is a feature; features may use each other, but not in a cycle.</summary>
    private const string FeaturesNamespace = "Carbon.Server.Features";

    /// <summary>What the domain assembly may reference: the framework only, so the methodology carries no infrastructure.</summary>
    private static readonly string[] Framework = ["System", "Microsoft.CSharp", "netstandard", "mscorlib"];

    private const int MaxLines = 200;

    private static readonly AssemblyDefinition ServerAssembly = Read(typeof(Program).Assembly.Location);
    private static readonly AssemblyDefinition DomainAssembly = Read(typeof(Carbon.Domain.Registry.Uscc).Assembly.Location);
    private static readonly AssemblyDefinition DocumentsAssembly = Read(typeof(Carbon.Certificates.ICertificateRenderer).Assembly.Location);
    private static readonly AssemblyDefinition SheetsAssembly = Read(typeof(Carbon.Sheets.Grid).Assembly.Location);

    private static IEnumerable<TypeDefinition> AllTypes(Func<ModuleDefinition, IEnumerable<TypeDefinition>> types) =>
        new[] { ServerAssembly, DomainAssembly, DocumentsAssembly, SheetsAssembly }.SelectMany(a => types(a.MainModule));

    /// <summary>Every (user, used) pair of distinct Carbon types in both assemblies, each named by its outermost type.</summary>
    private static readonly Lazy<HashSet<(Named From, Named To)>> Uses = new(() =>
        (from type in AllTypes(m => m.GetTypes())
         let owner = Outermost(type)
         where IsCarbon(owner)
         from used in Mentions(type).Select(Outermost).Where(IsCarbon)
         where used.FullName != owner.FullName
         select (Name(owner), Name(used))).ToHashSet());

    [Fact]
    public void Parts_use_only_the_parts_their_arrows_allow()
    {
        Assert.Empty(Allowed.SelectMany(a => a.Value.Prepend(a.Key)).Except(Parts.Select(p => p.Part)).Except([Everything]));
        var unassigned = AllTypes(m => m.Types).Where(IsCarbon).Select(t => t.Namespace)
            .Where(ns => PartOf(ns) is null).Distinct()
            .Select(ns => $"unassigned namespace {ns}: add it to the architecture rules");
        var violations =
            from u in Uses.Value
            let fromPart = PartOf(u.From.Namespace)
            let toPart = PartOf(u.To.Namespace)
            where fromPart is not null && toPart is not null && fromPart != toPart
            where !Allowed.TryGetValue(fromPart, out var to) || !(to.Contains(toPart) || to.Contains(Everything))
            select $"{fromPart} → {toPart}: {u.From.FullName} uses {u.To.FullName}";
        var lines = unassigned.Order(StringComparer.Ordinal).Concat(violations.Order(StringComparer.Ordinal)).ToList();
        if (lines.Count > 0)
        {
            Assert.Fail($"{lines.Count} uses break the arrows in ArchitectureTests.Allowed:\n" + Report(lines));
        }
    }

    [Fact]
    public void Features_do_not_use_each_other_in_a_cycle()
    {
        var edges = Uses.Value
            .Select(u => (From: FeatureOf(u.From.Namespace), To: FeatureOf(u.To.Namespace), Example: $"{u.From.FullName} uses {u.To.FullName}"))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .GroupBy(e => (From: e.From!, To: e.To!))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Example).Min(StringComparer.Ordinal)!);
        var next = edges.Keys.ToLookup(e => e.From, e => e.To);

        var cycles = new List<string>();
        var visited = new HashSet<string>();
        var path = new List<string>();
        void Visit(string feature)
        {
            if (path.IndexOf(feature) is var start and >= 0)
            {
                var cycle = path.Skip(start).Append(feature).ToList();
                cycles.Add(string.Join(" → ", cycle) + string.Concat(
                    cycle.Zip(cycle.Skip(1)).Select(hop => $"\n    {hop.First} → {hop.Second}: {edges[hop]}")));
                return;
            }
            if (!visited.Add(feature))
            {
                return;
            }
            path.Add(feature);
            foreach (var to in next[feature].Order(StringComparer.Ordinal))
            {
                Visit(to);
            }
            path.RemoveAt(path.Count - 1);
        }
        foreach (var feature in next.Select(g => g.Key).Order(StringComparer.Ordinal))
        {
            Visit(feature);
        }
        if (cycles.Count > 0)
        {
            Assert.Fail($"Features use each other in a cycle:\n" + Report(cycles));
        }
    }

    [Fact]
    public void The_domain_references_only_the_framework()
    {
        var references = DomainAssembly.MainModule.AssemblyReferences.Select(r => r.Name).ToList();
        Assert.Contains("System.Runtime", references);
        Assert.DoesNotContain(references, name => !Framework.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
    }

    /// <summary>Guards the scanner itself: a blind scanner would pass every rule.</summary>
    [Fact]
    public void The_scanner_sees_into_async_bodies_and_charges_them_to_the_outermost_type()
    {
        var grain = ServerAssembly.MainModule.GetType("Carbon.Server.Grains.EnterpriseGrain");
        var register = grain.NestedTypes.Single(t => t.Name.Contains("RegisterAsync")
            && t.Interfaces.Any(i => i.InterfaceType.FullName == "System.Runtime.CompilerServices.IAsyncStateMachine"));
        Assert.DoesNotContain(register.Fields, f => f.FieldType.Name == "LedgerWriter");
        Assert.Contains(Mentions(register), t => t.FullName == "Carbon.Server.Ledger.LedgerWriter");

        Assert.Contains((Of("Carbon.Server.Grains.EnterpriseGrain"), Of("Carbon.Server.Ledger.LedgerWriter")), Uses.Value);
        Assert.Contains((Of("Program"), Of("Carbon.Server.Hosting.CarbonHost")), Uses.Value);
        Assert.DoesNotContain(Uses.Value, u => u.From.FullName.Contains('<') || u.To.FullName.Contains('/'));
        Assert.Equal("Hosting", PartOf(""));
        Assert.Equal("Certificates", PartOf("Carbon.Server.Certificates.Pdf"));
        Assert.Null(PartOf("Carbon.Server"));
    }

    private readonly record struct Named(string Namespace, string FullName);

    private static Named Name(TypeReference type) => new(type.Namespace, type.FullName);

    private static Named Of(string fullName) =>
        new(fullName.Contains('.') ? fullName[..fullName.LastIndexOf('.')] : "", fullName);

    private static string? PartOf(string ns) => Parts
        .Where(p => ns == p.Prefix || ns.StartsWith(p.Prefix + ".", StringComparison.Ordinal))
        .OrderByDescending(p => p.Prefix.Length)
        .Select(p => p.Part)
        .FirstOrDefault();

    private static string? FeatureOf(string ns) =>
        ns.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal) ? ns[(FeaturesNamespace.Length + 1)..].Split('.')[0] : null;

    /// <summary>A compiler-generated type is part of the type it was written in: a lambda's closure, a state machine.</summary>
    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    /// <summary>
    /// Ours: a Carbon.* namespace, or a global one defined in these assemblies (Program), but not the compiler's
    /// global helpers (&lt;Module&gt;, &lt;PrivateImplementationDetails&gt;, anonymous types). OrleansCodeGen.* is not ours.
    /// </summary>
    private static bool IsCarbon(TypeReference type) => type.Namespace == ""
        ? type is TypeDefinition && !type.Name.StartsWith('<')
        : type.Namespace.StartsWith("Carbon.", StringComparison.Ordinal);

    /// <summary>
    /// Every type one definition mentions, in its signature (base, interfaces, members, generic constraints, custom
    /// attributes with their typeof arguments) and in its IL (locals, catch clauses, type, method and field operands).
    /// Nested types are not followed: GetTypes() lists them as definitions of their own.
    /// </summary>
    private static List<TypeReference> Mentions(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null or GenericParameter: break;
                case GenericInstanceType g: Add(g.ElementType); g.GenericArguments.ToList().ForEach(Add); break;
                case IModifierType m: Add(m.ModifierType); Add(m.ElementType); break;
                case FunctionPointerType f: Method(f); break;
                case TypeSpecification s: Add(s.ElementType); break; // arrays, by-ref, pointers, pinned
                default: found.Add(t); break;
            }
        }
        void Method(IMethodSignature m)
        {
            Add((m as MethodReference)?.DeclaringType);
            Add(m.ReturnType);
            m.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            (m as GenericInstanceMethod)?.GenericArguments.ToList().ForEach(Add);
        }
        void Argument(CustomAttributeArgument a)
        {
            Add(a.Type);
            switch (a.Value)
            {
                case TypeReference t: Add(t); break; // typeof(X)
                case CustomAttributeArgument boxed: Argument(boxed); break;
                case CustomAttributeArgument[] items: items.ToList().ForEach(Argument); break;
            }
        }
        void Attributes(ICustomAttributeProvider p)
        {
            foreach (var a in p.CustomAttributes)
            {
                Method(a.Constructor);
                a.ConstructorArguments.Concat(a.Properties.Concat(a.Fields).Select(n => n.Argument)).ToList().ForEach(Argument);
            }
        }
        void Generics(IGenericParameterProvider p)
        {
            foreach (var g in p.GenericParameters)
            {
                Attributes(g);
                g.Constraints.ToList().ForEach(c => { Add(c.ConstraintType); Attributes(c); });
            }
        }

        Add(type.BaseType);
        Attributes(type);
        Generics(type);
        type.Interfaces.ToList().ForEach(i => { Add(i.InterfaceType); Attributes(i); });
        type.Fields.ToList().ForEach(f => { Add(f.FieldType); Attributes(f); });
        type.Properties.ToList().ForEach(p => { Add(p.PropertyType); Attributes(p); });
        type.Events.ToList().ForEach(e => { Add(e.EventType); Attributes(e); });
        foreach (var m in type.Methods)
        {
            Method(m);
            Attributes(m);
            Attributes(m.MethodReturnType);
            Generics(m);
            m.Parameters.ToList().ForEach(Attributes);
            m.Overrides.ToList().ForEach(Method);
            if (m.HasBody)
            {
                m.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
                m.Body.ExceptionHandlers.ToList().ForEach(h => Add(h.CatchType));
                foreach (var operand in m.Body.Instructions.Select(i => i.Operand))
                {
                    switch (operand)
                    {
                        case TypeReference t: Add(t); break;
                        case FieldReference f: Add(f.DeclaringType); Add(f.FieldType); break;
                        case IMethodSignature s: Method(s); break; // method references and calli sites
                    }
                }
            }
        }
        return found;
    }

    private static string Report(List<string> lines) => string.Join("\n", lines.Take(MaxLines).Select(l => "  " + l))
        + (lines.Count > MaxLines ? $"\n  … and {lines.Count - MaxLines} more" : "");

    private static AssemblyDefinition Read(string path)
    {
        var resolver = new DefaultAssemblyResolver(); // attribute arguments of enum types need their assemblies
        resolver.AddSearchDirectory(Path.GetDirectoryName(path)!);
        return AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = resolver });
    }
}
