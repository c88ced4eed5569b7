public import WebhookCore
import WebhookRegistry
public import WebhookValues

/// The body HipChat posts to an add-on's `installable.callbackUrl` when the add-on is installed.
///
/// It carries the installation's OAuth credentials; ``oauthSecret`` is the key that signs the JWTs on
/// webhooks, found later by ``oauthID`` (the token's `iss`). Store it, then verify webhooks with it.
/// ``description`` never shows the secret.
public struct HipChatInstallation: Codable, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// The OAuth client id of the installation (`oauthId`); webhook tokens carry it as `iss`.
    public var oauthID: String
    /// The shared secret (`oauthSecret`) that signs webhook tokens (HS256, as its UTF-8 bytes).
    public var oauthSecret: String
    /// The URL of HipChat's capabilities document (`capabilitiesUrl`).
    public var capabilitiesURL: String
    /// The room the add-on was installed in (`roomId`); `nil` for a global (group-wide) installation.
    public var roomID: FlexibleID?
    /// The group (`groupId`) the add-on was installed in.
    public var groupID: FlexibleID

    /// Creates an installation.
    public init(
        oauthID: String,
        oauthSecret: String,
        capabilitiesURL: String,
        roomID: FlexibleID? = nil,
        groupID: FlexibleID
    ) {
        self.oauthID = oauthID
        self.oauthSecret = oauthSecret
        self.capabilitiesURL = capabilitiesURL
        self.roomID = roomID
        self.groupID = groupID
    }

    /// Decodes an install callback body.
    /// - Throws: `WebhookError` with code `malformedBody` or `invalidPayload`.
    public static func decode(from body: [UInt8]) throws(WebhookError) -> HipChatInstallation {
        try WebhookJSON.decode(HipChatInstallation.self, from: body, vendor: .hipChat)
    }

    /// Whether the add-on was installed for the whole group rather than for one room.
    public var isGlobal: Bool { roomID == nil }

    public var description: String {
        let room = roomID.map { ", roomID: \($0)" } ?? ""
        return "HipChatInstallation(oauthID: \(oauthID), oauthSecret: <redacted>, capabilitiesURL: \(capabilitiesURL)"
            + "\(room), groupID: \(groupID))"
    }

    public var debugDescription: String { description }

    enum CodingKeys: String, CodingKey {
        case oauthID = "oauthId"
        case oauthSecret
        case capabilitiesURL = "capabilitiesUrl"
        case roomID = "roomId"
        case groupID = "groupId"
    }
}
