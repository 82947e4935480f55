"""Every bad Janus API request gets Janus's error code over HTTP, and the gateway keeps serving."""

import pytest

from harness import transaction

PLUGIN = "janus.plugin.echotest"


@pytest.fixture
def gw(start_gateway):
    return start_gateway(backend=None, api_secret=None)


def post(gw, path, body=None, raw=None, admin=False):
    status, reply = gw.request("POST", path, body=body, raw=raw, admin=admin)
    assert status == 200, (status, reply)
    return reply


def session_and_handle(gw):
    session = gw.janus("/janus", {"janus": "create"})["data"]["id"]
    handle = gw.janus(f"/janus/{session}", {"janus": "attach", "plugin": PLUGIN})["data"]["id"]
    return session, handle


def code(reply):
    assert reply["janus"] == "error", reply
    return reply["error"]["code"]


def still_serving(gw):
    status, info = gw.request("GET", "/janus/info")
    assert status == 200 and info["janus"] == "server_info"


def test_invalid_json(gw):
    assert code(post(gw, "/janus", raw=b'{"janus": "create", "transaction": ')) == 454
    still_serving(gw)


def test_not_an_object(gw):
    assert code(post(gw, "/janus", raw=b'["create"]')) == 455
    still_serving(gw)


def test_missing_janus(gw):
    reply = post(gw, "/janus", {"transaction": "t1"})
    assert code(reply) == 456 and "janus" in reply["error"]["reason"]


def test_missing_transaction(gw):
    reply = post(gw, "/janus", {"janus": "create"})
    assert code(reply) == 456 and "transaction" in reply["error"]["reason"]


def test_invalid_element_type(gw):
    assert code(post(gw, "/janus", {"janus": 42, "transaction": "t2"})) == 467
    session, _ = session_and_handle(gw)
    reply = post(gw, f"/janus/{session}", {"janus": "attach", "plugin": 7, "transaction": "t3"})
    assert code(reply) == 467


def test_unknown_request(gw):
    reply = post(gw, "/janus", {"janus": "foo", "transaction": "t4"})
    assert code(reply) == 457 and reply["transaction"] == "t4"


def test_request_at_wrong_path(gw):
    session, _ = session_and_handle(gw)
    assert code(post(gw, f"/janus/{session}", {"janus": "message", "body": {}, "transaction": "t5"})) == 457


def test_session_not_found(gw):
    reply = post(gw, "/janus/123456789", {"janus": "keepalive", "transaction": "t6"})
    assert code(reply) == 458 and reply["session_id"] == 123456789
    status, body = gw.request("GET", "/janus/123456789?rid=1")
    assert status == 404 and body is None
    still_serving(gw)


def test_handle_not_found(gw):
    session, _ = session_and_handle(gw)
    assert code(post(gw, f"/janus/{session}/999", {"janus": "message", "body": {}, "transaction": "t7"})) == 459


def test_plugin_not_found_and_missing_plugin(gw):
    session, _ = session_and_handle(gw)
    assert code(post(gw, f"/janus/{session}", {"janus": "attach", "plugin": "janus.plugin.nope", "transaction": "t8"})) == 460
    assert code(post(gw, f"/janus/{session}", {"janus": "attach", "transaction": "t9"})) == 456


def test_message_errors(gw):
    session, handle = session_and_handle(gw)
    path = f"/janus/{session}/{handle}"
    assert code(post(gw, path, {"janus": "message", "transaction": transaction()})) == 456
    assert code(post(gw, path, {"janus": "message", "body": {}, "jsep": {"type": "bogus", "sdp": "v=0"},
                                "transaction": transaction()})) == 464
    assert code(post(gw, path, {"janus": "message", "body": {}, "jsep": {"type": "offer", "sdp": "this is not sdp"},
                                "transaction": transaction()})) == 465
    assert code(post(gw, path, {"janus": "trickle", "transaction": transaction()})) == 456
    still_serving(gw)


def test_destroy_twice(gw):
    session, _ = session_and_handle(gw)
    assert gw.janus(f"/janus/{session}", {"janus": "destroy"})["janus"] == "success"
    assert code(post(gw, f"/janus/{session}", {"janus": "destroy", "transaction": "t10"})) == 458


def test_unsupported_method(gw):
    status, reply = gw.request("DELETE", "/janus")
    assert status == 200 and code(reply) == 450


def test_admin_secret(gw):
    reply = post(gw, "/admin", {"janus": "list_sessions", "transaction": "t11"}, admin=True)
    assert code(reply) == 403
    reply = post(gw, "/admin", {"janus": "list_sessions", "transaction": "t12", "admin_secret": "wrong"}, admin=True)
    assert code(reply) == 403
    assert post(gw, "/admin", {"janus": "ping", "transaction": "t13"}, admin=True)["janus"] == "pong"
    reply = gw.admin("/admin", {"janus": "query_eventhandler", "handler": "janus.eventhandler.nope", "request": {}})
    assert code(reply) == 460
    assert code(gw.admin("/admin", {"janus": "custom_event", "data": {}})) == 456


def test_api_secret(start_gateway):
    gw = start_gateway(backend=None, api_secret="letmein")
    assert code(post(gw, "/janus", {"janus": "create", "transaction": "t14"})) == 403
    assert post(gw, "/janus", {"janus": "create", "transaction": "t15", "apisecret": "letmein"})["janus"] == "success"


def test_oversized_body_is_refused_and_serving_continues(gw):
    big = b'{"janus":"create","transaction":"x","pad":"' + b"a" * (2 * 1024 * 1024) + b'"}'
    try:
        status, _ = gw.request("POST", "/janus", raw=big)
        assert status in (200, 413)
    except (ConnectionError, OSError):
        pass  # the server may close the connection on an oversized body
    still_serving(gw)


def test_garbage_flood_keeps_gateway_alive(gw):
    for payload in (b"", b"\x00\xff\xfe", b"{", b"null", b"123", b'"str"', b"[]", b'{"janus":null}'):
        reply = post(gw, "/janus", raw=payload)
        assert reply["janus"] == "error" and reply["error"]["code"] in (454, 455, 456, 467)
    still_serving(gw)
