/// A Confluence Cloud `page_updated` event as it arrives: 759 bytes, pretty-printed the way a proxy might forward it.
///
/// The shape is the 2021 capture in `shared/vendors/confluence.md` §5.1 with the 2023 fields (`idAsString`,
/// `spaceId`) and crewlet's `suppressNotifications` added, and a longer title, so that it is 759 bytes long, the size
/// of the event the issue's JSONDecoder figure (50.5k/s) was measured on.
public let confluencePageUpdatedJSON: String = #"""
{
  "userAccountId": "557058:d092c978-5ab7-4c8a-8d87-32ffac22c584",
  "accountType": "customer",
  "updateTrigger": "edit_page",
  "suppressNotifications": false,
  "page": {
    "idAsString": "1188560897",
    "creatorAccountId": "557058:d092c978-5ab7-4c8a-8d87-32ffac22c584",
    "spaceKey": "~323528440",
    "spaceId": 1149861892,
    "modificationDate": 1631606188966,
    "lastModifierAccountId": "557058:d092c978-5ab7-4c8a-8d87-32ffac22c584",
    "self": "https://dalstonsemantics.atlassian.net/wiki/spaces/~323528440/pages/1188560897/Telstra+Stuff+quarterly+review",
    "id": 1188560897,
    "title": "Telstra Stuff quarterly review",
    "creationDate": 1631605030794,
    "contentType": "page",
    "version": 2
  },
  "timestamp": 1631606188983
}

"""#
