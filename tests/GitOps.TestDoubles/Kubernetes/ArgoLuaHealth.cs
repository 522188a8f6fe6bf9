using System.Text.Json.Nodes;
using KeraLua;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// Runs an Argo CD resource health check written in Lua the way Argo CD's util/lua (v3.2) does: a fresh state with only
/// the base, package and table libraries (no string, no io, no os), the live object as the global <c>obj</c> (JSON
/// objects and arrays as tables, null as nil, numbers as numbers), the script as one chunk whose returned table's
/// <c>status</c> must be a known health code (anything else reads as Unknown) and <c>message</c> is passed on.
/// Argo CD embeds gopher-lua (Lua 5.1); this is Lua 5.4 through KeraLua, which agrees for the plain tables, comparisons
/// and loops health checks use.
/// </summary>
public static class ArgoLuaHealth
{
    private static readonly HashSet<string> HealthCodes = new(StringComparer.Ordinal)
    {
        "Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown",
    };

    /// <summary>The status and message the script returns for <paramref name="resource"/>.</summary>
    /// <exception cref="InvalidOperationException">When the script does not run (syntax or runtime error), as Argo CD reports it.</exception>
    public static (string Status, string Message) Evaluate(string script, JsonObject resource)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        ArgumentNullException.ThrowIfNull(resource);
        using var lua = new Lua(openLibs: false);
        lua.OpenBasicLibrary();
        lua.OpenTableLibrary();
        lua.SetTop(0);
        Push(lua, resource);
        lua.SetGlobal("obj");
        if (lua.LoadString(script, "health.lua") != LuaStatus.OK || lua.PCall(0, 1, 0) != LuaStatus.OK)
        {
            throw new InvalidOperationException($"Lua health check failed: {lua.ToString(-1)}");
        }

        if (lua.Type(-1) != LuaType.Table)
        {
            return (string.Empty, string.Empty);
        }

        var status = Field(lua, "status");
        var message = Field(lua, "message");
        return HealthCodes.Contains(status) ? (status, message) : ("Unknown", "Lua returned an invalid health status");
    }

    private static string Field(Lua lua, string name)
    {
        lua.GetField(-1, name);
        var value = lua.Type(-1) == LuaType.String ? lua.ToString(-1) : string.Empty;
        lua.Pop(1);
        return value;
    }

    private static void Push(Lua lua, JsonNode? node)
    {
        switch (node)
        {
            case null:
                lua.PushNil();
                break;
            case JsonObject entries:
                lua.CreateTable(0, entries.Count);
                foreach (var (key, value) in entries)
                {
                    lua.PushString(key);
                    Push(lua, value);
                    lua.RawSet(-3);
                }

                break;
            case JsonArray items:
                lua.CreateTable(items.Count, 0);
                for (var index = 0; index < items.Count; index++)
                {
                    Push(lua, items[index]);
                    lua.RawSetInteger(-2, index + 1);
                }

                break;
            case JsonValue scalar when scalar.TryGetValue<bool>(out var flag):
                lua.PushBoolean(flag);
                break;
            case JsonValue scalar when scalar.TryGetValue<string>(out var text):
                lua.PushString(text);
                break;
            case JsonValue scalar when scalar.TryGetValue<double>(out var number):
                lua.PushNumber(number);
                break;
            default:
                lua.PushString(node.ToJsonString());
                break;
        }
    }
}
