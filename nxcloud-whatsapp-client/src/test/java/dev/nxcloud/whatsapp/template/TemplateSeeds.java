package dev.nxcloud.whatsapp.template;

/**
 * The request and response examples of NxCloud's template pages, exactly as published.
 */
final class TemplateSeeds {

	static final String LIST_RESPONSE = """
			{
			"code": 0,
			"message": "",
			"data": {
			"list": [
			{
			"id": 314,
			"channel": 2,
			"name": "buttontest22",
			"content": "Hello, I am the new virtual assistant. I can help you discover products or provide support. Please reach out if I can help!",
			"created_at": "2024-06-25 14:31:26",
			"updated_at": "2024-06-25 15:27:39",
			"status": 2,
			"language": "en_GB",
			"language_name": "English (UK)",
			"unsubscribe": "",
			"additional": null,
			"quality": "UNKNOWN",
			"category": "MARKETING",
			"category_type": 1,
			"waRejectedReason": "",
			"is_close_auto_flow": 0
			}
			],
			"total": 1,
			"has_next_page": false
			},
			"traceId": "16f9ca88e70844a8a088f9a4a3806e5e"
			}""";

	static final String CREATE_REQUEST_1 = """
			{
			"name": "test_23",
			"tenant_id": 123,
			"language": "af",
			"category_type": 1,
			"content": "send message content: WhatsApp:{{WhatsApp}}, end message",
			"headerText": "",
			"footerText": "foot",
			"mediaName": "1705406614735.jpg",
			"templateMediaId": "4:MTcwNTQwNjYxNDczNS5qcGc=:...",
			"mediaId": "1167113681293447",
			"mediaType": "IMAGE",
			"tag_name": "tag1",
			"is_close_auto_flow": 0,
			"buttonComponents": [
			{
			"customizeType": "conventional",
			"text": "button1",
			"type": "QUICK_REPLY",
			"buttonEvents": [
			{
			"event": "tag",
			"tagName": "Viber tag"
			},
			{
			"event": "template",
			"templateId": 314,
			"templateName": "buttontest22"
			}
			]
			},
			{
			"customizeType": "conventional",
			"text": "button 2",
			"type": "QUICK_REPLY",
			"buttonEvents": [
			{
			"event": "tag",
			"tagName": "Viber tag"
			},
			{
			"event": "text",
			"text": "test text"
			}
			]
			},
			{
			"customizeType": "conventional",
			"text": "button3",
			"type": "QUICK_REPLY",
			"buttonEvents": [
			{
			"event": "template",
			"templateId": 313,
			"templateName": "test_8"
			}
			]
			}
			]
			}""";

	static final String CREATE_REQUEST_2 = """
			{
			"name": "test_45",
			"language": "af",
			"tenant_id": 1,
			"category_type": 1,
			"content": "template content https://...",
			"headerText": "test head",
			"footerText": "foot",
			"tag_name": "tag1",
			"is_close_auto_flow": 0,
			"buttonComponents": [
			{
			"text": "phone",
			"type": "PHONE_NUMBER",
			"phoneNumber": "8613128xxxx"
			},
			{
			"text": "web1",
			"type": "URL",
			"url": "https://testnxlink.nxcloud.com/"
			},
			{
			"text": "web2",
			"type": "URL",
			"url": "https://www.baidu.com/"
			}
			]
			}""";

	static final String CREATE_REQUEST_3 = """
			{
			"name": "test_99",
			"language": "sq",
			"tenant_id": 1,
			"category_type": 1,
			"content": "template content",
			"headerText": "header content",
			"footerText": "foot content",
			"tag_name": "tag1",
			"is_close_auto_flow": 0,
			"buttonComponents": [
			{
			"type": "flow",
			"text": "button",
			"flow_id": "803348158336427"
			}
			]
			}""";

	static final String UPDATE_REQUEST = """
			{
			"id": 317,
			"name": "test_99",
			"language": "sq",
			"tenant_id": 1,
			"category_type": 1,
			"content": "template content",
			"headerText": "header content",
			"footerText": "footer content",
			"mediaName": "",
			"templateMediaId": "",
			"mediaId": "",
			"mediaType": "",
			"tag_name": "tag1",
			"is_close_auto_flow": 0,
			"buttonComponents": [
			{
			"type": "flow",
			"text": "button",
			"flow_id": "803348158336427"
			}
			]
			}""";

	static final String DETAIL_RESPONSE_1 = """
			{
			"code": 0,
			"message": "",
			"data": {
			"namespace": null,
			"name": "test_23",
			"category": "MARKETING",
			"category_type": 1,
			"components": [
			{
			"type": "HEADER",
			"format": "IMAGE",
			"text": null,
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": {
			"header_handle": "https://goss.oss-accelerate.aliyuncs.com/1167113681293447?Expires=1719311172&OSSAccessKeyId=LTAI5tBrjWM5EyDe6MA5uc7z&Signature=BqE8WVjP%2B%2B19G4I4bLuL7ISGyo8%3D",
			"file_name": "1705406614735.jpg"
			},
			"filename": "1705406614735.jpg",
			"url": null,
			"media_id": "1167113681293447",
			"h": "4:YjZjODg1NGEtMDA4ZC00ZjcwLTkzYjAtZTVjZTdiNGZmNmJmMTcwNTQwNjYxNDczNS5qcGc=:aW1hZ2UvcG5n:ARbSZFssPqLjHjFifodFDQL_79OaBg9JDrz67b_wlP2wrobpzHRv6fqHfHg-YlZVOM4X4bGeYnIv7uXpsVcYvQULdQ1cFqPgVFIl0pkID7Ao6Q:e:1719656714:1407008009801826:100084713375965:ARYtgY7tK8u5Jn3qzt0",
			"media_type": null
			},
			{
			"type": "BODY",
			"format": null,
			"text": "send content:WhatsApp:{{WhatsApp}},end message",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": {
			"body_text": [
			[
			"8613800000000"
			]
			]
			},
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "FOOTER",
			"format": null,
			"text": "foot content",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "BUTTONS",
			"format": null,
			"text": null,
			"buttons": [
			{
			"type": "QUICK_REPLY",
			"text": "button1",
			"payload": null,
			"url": null,
			"phone_number": null,
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null,
			"buttonReqs": {
			"type": "QUICK_REPLY",
			"customizeType": "conventional",
			"text": "button1",
			"phoneNumber": null,
			"url": null,
			"payload": "305",
			"buttonEvents": [
			{
			"event": "tag",
			"tagName": "Viber tag",
			"tagId": 33991,
			"templateName": null,
			"templateId": null,
			"text": null
			},
			{
			"event": "template",
			"tagName": null,
			"tagId": null,
			"templateName": "buttontest22",
			"templateId": 314,
			"text": null
			}
			],
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null
			}
			},
			{
			"type": "QUICK_REPLY",
			"text": "tag2",
			"payload": null,
			"url": null,
			"phone_number": null,
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null,
			"buttonReqs": {
			"type": "QUICK_REPLY",
			"customizeType": "conventional",
			"text": "tag2",
			"phoneNumber": null,
			"url": null,
			"payload": "306",
			"buttonEvents": [
			{
			"event": "tag",
			"tagName": "Viber tag",
			"tagId": 33991,
			"templateName": null,
			"templateId": null,
			"text": null
			},
			{
			"event": "text",
			"tagName": null,
			"tagId": null,
			"templateName": null,
			"templateId": null,
			"text": "test text"
			}
			],
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null
			}
			},
			{
			"type": "QUICK_REPLY",
			"text": "button3",
			"payload": null,
			"url": null,
			"phone_number": null,
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null,
			"buttonReqs": {
			"type": "QUICK_REPLY",
			"customizeType": "conventional",
			"text": "button3",
			"phoneNumber": null,
			"url": null,
			"payload": "307",
			"buttonEvents": [
			{
			"event": "template",
			"tagName": null,
			"tagId": null,
			"templateName": "test_8",
			"templateId": 313,
			"text": null
			}
			],
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null
			}
			}
			],
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			}
			],
			"language": "af",
			"status": "APPROVED",
			"id": 1214365320013059,
			"quality_score": {
			"score": "UNKNOWN"
			},
			"tag_ids": [
			33991
			],
			"is_close_auto_flow": 0
			},
			"traceId": "6dcc841ca255443c9ea0434e5ed0b7b2"
			}""";

	static final String DETAIL_RESPONSE_2 = """
			{
			"code": 0,
			"message": "",
			"data": {
			"namespace": null,
			"name": "test_45",
			"category": "MARKETING",
			"category_type": 1,
			"components": [
			{
			"type": "HEADER",
			"format": "TEXT",
			"text": "test text",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "BODY",
			"format": null,
			"text": "template https://119.91.210.214:10001/api/shortLink/doAccess/Y3Mjmq content",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "FOOTER",
			"format": null,
			"text": "foot",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "BUTTONS",
			"format": null,
			"text": null,
			"buttons": [
			{
			"type": "PHONE_NUMBER",
			"text": "phone",
			"payload": null,
			"url": null,
			"phone_number": "+861312895xxx",
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null,
			"buttonReqs": null
			},
			{
			"type": "URL",
			"text": "web1",
			"payload": null,
			"url": "https://testnxlink.nxcloud.com/",
			"phone_number": null,
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null,
			"buttonReqs": null
			},
			{
			"type": "URL",
			"text": "web2",
			"payload": null,
			"url": "https://www.baidu.com/",
			"phone_number": null,
			"flow_id": null,
			"navigate_screen": null,
			"flow_action": null,
			"buttonReqs": null
			}
			],
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			}
			],
			"language": "af",
			"status": "APPROVED",
			"id": 1500809463846053,
			"quality_score": {
			"score": "UNKNOWN"
			},
			"tag_ids": [],
			"is_close_auto_flow": 0
			},
			"traceId": "f42d64bb6b5f4e0fa12baf826b2ff787"
			}""";

	static final String DETAIL_RESPONSE_3 = """
			{
			"code": 0,
			"message": "",
			"data": {
			"namespace": null,
			"name": "test_99",
			"category": "MARKETING",
			"category_type": 1,
			"components": [
			{
			"type": "HEADER",
			"format": "TEXT",
			"text": "header text",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "BODY",
			"format": null,
			"text": "template text",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "FOOTER",
			"format": null,
			"text": "foot",
			"buttons": null,
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			},
			{
			"type": "BUTTONS",
			"format": null,
			"text": null,
			"buttons": [
			{
			"type": "FLOW",
			"text": "button",
			"payload": null,
			"url": null,
			"phone_number": null,
			"flow_id": "803348158336427",
			"navigate_screen": "SIGN_IN",
			"flow_action": "NAVIGATE",
			"buttonReqs": null
			}
			],
			"parameters": null,
			"sub_type": null,
			"index": null,
			"example": null,
			"filename": null,
			"url": null,
			"media_id": null,
			"h": null,
			"media_type": null
			}
			],
			"language": "sq",
			"status": "APPROVED",
			"id": 432230866355873,
			"quality_score": {
			"score": "UNKNOWN"
			},
			"tag_ids": [
			33989
			],
			"is_close_auto_flow": 0
			},
			"traceId": "67a05b8528114fa29edeb6616458b12a"
			}""";

	private TemplateSeeds() {
	}

}
