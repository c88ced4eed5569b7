import ArgumentParser
import Foundation
import WebhookCrypto

/// The `webhookkit` command-line tool.
///
/// Exit codes: 0 success; 1 rejected (verification failed, or a body that cannot be decoded);
/// 2 usage error or unreadable input.
@main
struct WebhookKitTool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhookkit",
        abstract: "Verify, decode and sign HipChat, Confluence, R-Service and ApiTree webhooks.",
        subcommands: [
            VerifyCommand.self, DecodeCommand.self, SignCommand.self, EventsCommand.self, CheckCommand.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as ToolFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            Foundation.exit(failure.exitCode)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                self.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

/// A failure the tool reports with its own exit code and a one-line message.
struct ToolFailure: Error {
    var exitCode: Int32
    var message: String

    /// Rejected input: exit 1.
    static func rejected(_ message: String) -> ToolFailure {
        ToolFailure(exitCode: 1, message: message)
    }

    /// Usage error or unreadable input: exit 2.
    static func usage(_ message: String) -> ToolFailure {
        ToolFailure(exitCode: 2, message: message)
    }
}

/// Prints one line of JSON to standard output.
/// Writes `warning: <message>` on standard error.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
}

func printJSONLine(_ object: [String: Any?]) {
    var members: [String] = []
    for key in object.keys.sorted() {
        members.append("\(JSONText.quoted(key)):\(jsonFragment(object[key] ?? nil))")
    }
    print("{" + members.joined(separator: ",") + "}")
}

private func jsonFragment(_ value: Any?) -> String {
    switch value {
    case nil: return "null"
    case let string as String: return JSONText.quoted(string)
    case let bool as Bool: return bool ? "true" : "false"
    case let int as Int: return String(int)
    case let int as Int64: return String(int)
    case let double as Double: return String(double)
    case let array as [Any?]: return "[" + array.map(jsonFragment).joined(separator: ",") + "]"
    case let object as [String: Any?]:
        return "{"
            + object.keys.sorted().map { "\(JSONText.quoted($0)):\(jsonFragment(object[$0] ?? nil))" }.joined(
                separator: ","
            ) + "}"
    default: return JSONText.quoted(String(describing: value))
    }
}
