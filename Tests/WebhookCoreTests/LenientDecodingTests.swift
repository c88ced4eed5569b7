import Foundation
import Testing
import WebhookCore
import WebhookRegistry
import WebhookValues

private struct Holder<Value: Codable & Equatable>: Codable, Equatable {
    var value: Value
}

private func decode<Value: Codable & Equatable>(_ type: Value.Type, _ json: String) throws -> Value {
    try JSONDecoder().decode(Holder<Value>.self, from: Data(json.utf8)).value
}

private func roundTrip<Value: Codable & Equatable>(_ type: Value.Type, _ json: String) throws -> String {
    let value = try JSONDecoder().decode(Holder<Value>.self, from: Data(json.utf8))
    return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
}

@Suite("Lenient values")
struct LenientDecodingTests {
    @Test func idDecodesFromIntegerOrStringAndKeepsItsForm() throws {
        let number = try decode(FlexibleID.self, #"{"value": 4694751}"#)
        let string = try decode(FlexibleID.self, #"{"value": "23456"}"#)
        #expect(number.isNumeric && number.intValue == 4_694_751)
        #expect(!string.isNumeric && string.intValue == 23456)
        #expect(string.stringValue == "23456")
        #expect(FlexibleID(12) == FlexibleID("12"))
        #expect(try roundTrip(FlexibleID.self, #"{"value":7}"#) == #"{"value":7}"#)
        #expect(try roundTrip(FlexibleID.self, #"{"value":"7"}"#) == #"{"value":"7"}"#)
        #expect(throws: DecodingError.self) { try decode(FlexibleID.self, #"{"value": true}"#) }
        #expect(throws: DecodingError.self) { try decode(FlexibleID.self, #"{"value": 1.5}"#) }
    }

    @Test func boolDecodesFromBoolOrTrueFalseStrings() throws {
        #expect(try decode(FlexibleBool.self, #"{"value": true}"#).value == true)
        #expect(try decode(FlexibleBool.self, #"{"value": "true"}"#).value == true)
        #expect(try decode(FlexibleBool.self, #"{"value": "false"}"#).value == false)
        #expect(try roundTrip(FlexibleBool.self, #"{"value":"true"}"#) == #"{"value":"true"}"#)
        #expect(try roundTrip(FlexibleBool.self, #"{"value":false}"#) == #"{"value":false}"#)
        #expect(throws: DecodingError.self) { try decode(FlexibleBool.self, #"{"value": "yes"}"#) }
        #expect(throws: DecodingError.self) { try decode(FlexibleBool.self, #"{"value": 1}"#) }
    }

    @Test(arguments: [
        ("2016-04-28T20:21:51.866984+00:00", 1_461_874_911.866984, 0),
        ("2019-11-12T14:53:47+00:00", 1_573_570_427.0, 0),
        ("2021-09-14T07:39:42.016Z", 1_631_605_182.016, 0),
        ("2016-03-17T16:36:11-06:00", 1_458_254_171.0, -21600),
        ("2016-03-17T16:36:11-0600", 1_458_254_171.0, -21600),
        ("2000-02-29T00:00:00Z", 951_782_400.0, 0),
        ("1969-12-31T23:59:59Z", -1.0, 0),
    ])
    func timestampsParseWithAndWithoutFractionsAndOffsets(text: String, seconds: Double, offset: Int) throws {
        let timestamp = try #require(WebhookTimestamp(text))
        #expect(abs(timestamp.secondsSince1970 - seconds) < 0.000_001)
        #expect(timestamp.utcOffsetSeconds == offset)
        #expect(timestamp.rawValue == text)
        #expect(abs(timestamp.date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test func timestampWithoutZoneIsReadAsUTCAndSaysSo() throws {
        let timestamp = try #require(WebhookTimestamp("2023-04-18T14:48:25.081"))
        #expect(timestamp.utcOffsetSeconds == nil)
        #expect(abs(timestamp.secondsSince1970 - 1_681_829_305.081) < 0.000_001)
    }

    @Test(arguments: [
        "", "2016-04-28", "2016-13-01T00:00:00Z", "2016-04-28T25:00:00Z", "2016-04-28T20:21:51.Z",
        "2016-04-28T20:21:51+0", "2016-04-28T20:21:51Zjunk", "not a date", "2016-04-28T20:21:51+24:00",
    ])
    func invalidTimestampsAreRejected(text: String) {
        #expect(WebhookTimestamp(text) == nil)
    }

    @Test func timestampRoundTripKeepsAllFractionDigits() throws {
        let json = #"{"value":"2016-04-28T20:21:51.866984+00:00"}"#
        #expect(try roundTrip(WebhookTimestamp.self, json) == json)
        #expect(throws: DecodingError.self) { try decode(WebhookTimestamp.self, #"{"value":"yesterday"}"#) }
    }

    @Test func epochMillisecondsDecodeToDates() throws {
        let value = try decode(EpochMilliseconds.self, #"{"value": 1631606188983}"#)
        #expect(value.milliseconds == 1_631_606_188_983)
        #expect(abs(value.date.timeIntervalSince1970 - 1_631_606_188.983) < 0.000_001)
        #expect(try decode(EpochMilliseconds.self, #"{"value": "1631606188983"}"#) == value)
        #expect(try roundTrip(EpochMilliseconds.self, #"{"value":1631606188983}"#) == #"{"value":1631606188983}"#)
        #expect(throws: DecodingError.self) { try decode(EpochMilliseconds.self, #"{"value": "soon"}"#) }
    }
}

@Suite("JSONValue and WebhookJSON")
struct JSONValueTests {
    @Test func jsonValueKeepsIntegersApartFromOtherNumbers() throws {
        let json = #"{"a":1,"b":1.5,"c":"x","d":[true,null],"e":{"f":-2}}"#
        let value = try WebhookJSON.value(from: Array(json.utf8))
        #expect(value["a"] == .integer(1))
        #expect(value["b"] == .number(1.5))
        #expect(value["c"]?.stringValue == "x")
        #expect(value["d"]?[0]?.boolValue == true)
        #expect(value["d"]?[1]?.isNull == true)
        #expect(value["d"]?[5] == nil)
        #expect(value["e"]?["f"]?.integerValue == -2)
        let again = try WebhookJSON.value(from: try WebhookJSON.encode(value))
        #expect(again == value)
    }

    private struct Model: Decodable {
        struct Item: Decodable { var id: Int }
        var items: [Item]
    }

    @Test(arguments: [
        ("", WebhookError.Code.malformedBody),
        ("   ", .malformedBody),
        ("[1,2]", .malformedBody),
        ("{not json", .malformedBody),
        (#"{"items":[{"id":1},{"id":"x"}]}"#, .invalidPayload),
        (#"{"items":[{}]}"#, .invalidPayload),
    ])
    func malformedBodiesGiveDecodingErrors(body: String, code: WebhookError.Code) {
        let error = #expect(throws: WebhookError.self) {
            try WebhookJSON.decode(Model.self, from: Array(body.utf8), vendor: .confluence)
        }
        #expect(error?.code == code)
        #expect(error?.category == .decoding)
        #expect(error?.vendor == .confluence)
    }

    @Test func wrongTypeErrorNamesThePath() throws {
        let error = #expect(throws: WebhookError.self) {
            try WebhookJSON.decode(Model.self, from: Array(#"{"items":[{"id":1},{"id":"x"}]}"#.utf8))
        }
        #expect(error?.reason.contains("$.items[1].id") == true)
    }

    @Test func invalidUTF8DoesNotCrash() {
        let error = #expect(throws: WebhookError.self) {
            try WebhookJSON.value(from: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])
        }
        #expect(error?.category == .decoding)
    }
}
