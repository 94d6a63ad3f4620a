"""Reading a camera's stream addresses over ONVIF (Profile S): plain HTTP + SOAP 1.2, no extra library.

Given the device's address, user and password: GetCapabilities on the device service gives the media
service's address, GetProfiles lists the encoder profiles, and GetStreamUri gives each profile's RTSP
address. The largest profile is the main stream, the smallest the sub-stream (what the wall shows).
Requests carry a WS-Security UsernameToken with a password digest (Base64(SHA-1(nonce + created +
password))), which every Profile S device accepts; the password itself never goes over the wire.
"""

from __future__ import annotations

import base64
import hashlib
import os
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

NS = {
    "s": "http://www.w3.org/2003/05/soap-envelope",
    "tds": "http://www.onvif.org/ver10/device/wsdl",
    "trt": "http://www.onvif.org/ver10/media/wsdl",
    "tt": "http://www.onvif.org/ver10/schema",
}
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
DIGEST = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest"
BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary"
DEVICE_PATH = "/onvif/device_service"
TIMEOUT_S = 5.0


class OnvifError(Exception):
    """Why the device's profiles could not be read, in the operator's words (Chinese, then English)."""


@dataclass(frozen=True)
class OnvifProfile:
    token: str
    name: str
    encoding: str  # H264, H265, JPEG, ...
    width: int
    height: int
    uri: str  # the RTSP address, without a login

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def label(self) -> str:
        return f"{self.name} ({self.encoding} {self.width}x{self.height})"


@dataclass(frozen=True)
class OnvifStreams:
    profiles: tuple[OnvifProfile, ...]

    @property
    def main(self) -> OnvifProfile:
        return max(self.profiles, key=lambda p: p.pixels)

    @property
    def sub(self) -> OnvifProfile | None:
        """The smallest profile, or None when the device has only one."""
        smallest = min(self.profiles, key=lambda p: p.pixels)
        return smallest if smallest.uri != self.main.uri else None


def device_url(address: str) -> str:
    """'192.168.1.64', '192.168.1.64:8080' or a full URL → the device service's URL."""
    address = address.strip()
    if not address:
        raise OnvifError("请填写设备地址 (device address is empty)")
    if "://" not in address:
        address = f"http://{address}"
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OnvifError(f"设备地址格式错误 (malformed device address): {address}")
    return address if parts.path not in ("", "/") else f"{parts.scheme}://{parts.netloc}{DEVICE_PATH}"


def read_streams(address: str, username: str, password: str, timeout: float = TIMEOUT_S) -> OnvifStreams:
    """The device's media profiles with their RTSP addresses; raises OnvifError."""
    client = _Client(username, password, timeout)
    capabilities = client.call(
        device_url(address),
        "<tds:GetCapabilities><tds:Category>Media</tds:Category></tds:GetCapabilities>",
    )
    media_url = _text(capabilities, ".//tt:Media/tt:XAddr")
    if not media_url:
        raise OnvifError("设备未提供媒体服务 (the device reports no media service)")
    profiles = []
    for profile in client.call(media_url, "<trt:GetProfiles/>").iterfind(".//trt:Profiles", NS):
        token = profile.get("token", "")
        encoder = profile.find("tt:VideoEncoderConfiguration", NS)
        if not token or encoder is None:
            continue  # an audio-only or metadata profile
        body = (
            "<trt:GetStreamUri><trt:StreamSetup>"
            "<tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
            f"</trt:StreamSetup><trt:ProfileToken>{escape(token)}</trt:ProfileToken></trt:GetStreamUri>"
        )
        uri = _text(client.call(media_url, body), ".//trt:MediaUri/tt:Uri")
        if uri:
            profiles.append(
                OnvifProfile(
                    token,
                    _text(profile, "tt:Name") or token,
                    _text(encoder, "tt:Encoding") or "?",
                    int(_text(encoder, "tt:Resolution/tt:Width") or 0),
                    int(_text(encoder, "tt:Resolution/tt:Height") or 0),
                    uri,
                )
            )
    if not profiles:
        raise OnvifError("设备没有视频配置 (the device has no video profile)")
    return OnvifStreams(tuple(profiles))


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def security_header(username: str, password: str, nonce: bytes, created: str) -> str:
    """The WS-Security UsernameToken with a password digest."""
    digest = base64.b64encode(hashlib.sha1(nonce + created.encode() + password.encode()).digest()).decode()
    return (
        f'<wsse:Security s:mustUnderstand="1" xmlns:wsse="{WSSE}" xmlns:wsu="{WSU}"><wsse:UsernameToken>'
        f"<wsse:Username>{escape(username)}</wsse:Username>"
        f'<wsse:Password Type="{DIGEST}">{digest}</wsse:Password>'
        f'<wsse:Nonce EncodingType="{BASE64}">{base64.b64encode(nonce).decode()}</wsse:Nonce>'
        f"<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>"
    )


class _Client:
    def __init__(self, username: str, password: str, timeout: float) -> None:
        self.username, self.password, self.timeout = username, password, timeout

    def call(self, url: str, body: str) -> ET.Element:
        """POST one SOAP request; the response's Body, or OnvifError with the device's reason."""
        header = ""
        if self.username:
            created = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            header = f"<s:Header>{security_header(self.username, self.password, os.urandom(16), created)}</s:Header>"
        namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items())
        envelope = f'<?xml version="1.0" encoding="UTF-8"?><s:Envelope {namespaces}>{header}<s:Body>{body}</s:Body></s:Envelope>'
        request = urllib.request.Request(
            url,
            envelope.encode(),
            {"Content-Type": "application/soap+xml; charset=utf-8"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http only)
                return _body(response.read())
        except urllib.error.HTTPError as error:
            raise _http_failure(error) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, ConnectionRefusedError):
                raise OnvifError(f"连接被拒绝 (connection refused): {_host(url)}") from None
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                raise OnvifError(
                    f"设备无应答 (no answer within {self.timeout:.0f} s): {_host(url)}"
                ) from None
            raise OnvifError(f"无法连接设备 (cannot reach the device): {reason}") from None


def _host(url: str) -> str:
    return urlsplit(url).netloc


def _body(data: bytes) -> ET.Element:
    try:
        root = ET.fromstring(data)  # noqa: S314 (a device on the office's own network)
    except ET.ParseError as error:
        raise OnvifError(f"设备应答不是有效的 SOAP (not a SOAP answer): {error}") from None
    body = root.find("s:Body", NS)
    if body is None:
        raise OnvifError("设备应答缺少 Body (SOAP answer without a Body)")
    fault = body.find("s:Fault", NS)
    if fault is not None:
        raise _fault(fault)
    return body


def _fault(fault: ET.Element) -> OnvifError:
    codes = " ".join(value.text or "" for value in fault.iterfind(".//s:Value", NS))
    reason = _text(fault, "s:Reason/s:Text")
    if "NotAuthorized" in codes or "FailedAuthentication" in codes:
        return OnvifError("用户名或密码错误 (NotAuthorized: wrong user name or password)")
    return OnvifError(f"设备拒绝请求 (the device refused: {codes.strip()} {reason})".strip())


def _http_failure(error: urllib.error.HTTPError) -> OnvifError:
    if error.code == 401:
        return OnvifError("用户名或密码错误 (401 NotAuthorized: wrong user name or password)")
    try:  # devices answer a SOAP fault with 400 or 500
        _body(error.read())
    except OnvifError as fault:
        return fault
    if error.code == 404:
        return OnvifError("该地址没有 ONVIF 服务 (404: no ONVIF service at this address)")
    return OnvifError(f"设备返回错误 (HTTP {error.code} {error.reason})")
