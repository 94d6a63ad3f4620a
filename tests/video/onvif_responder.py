"""An ONVIF device on 127.0.0.1 for the tests: a SOAP 1.2 responder (http.server) answering
GetCapabilities, GetProfiles and GetStreamUri with the shapes of ONVIF's published examples (device and
media WSDL, ver10), and checking each request's WS-Security UsernameToken digest as a camera does.

A wrong digest gets what the ONVIF Core spec prescribes (HTTP 400, env:Sender / ter:NotAuthorized), or a
plain HTTP 401 when `plain_401` is set (as some firmware answers)."""

from __future__ import annotations

import base64
import hashlib
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SOAP = "http://www.w3.org/2003/05/soap-envelope"
WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
ENVELOPE = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" '
    'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" '
    'xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error">'
    "<env:Body>{}</env:Body></env:Envelope>"
)
NOT_AUTHORIZED = (
    "<env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>ter:NotAuthorized"
    '</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">Sender not Authorized'
    "</env:Text></env:Reason></env:Fault>"
)


@dataclass
class Profile:
    token: str
    name: str
    width: int
    height: int
    uri: str
    encoding: str = "H264"


@dataclass
class OnvifDevice:
    username: str
    password: str
    profiles: list[Profile]
    plain_401: bool = False
    calls: list[str] = field(default_factory=list)  # the operations asked, in order
    port: int = 0
    _server: ThreadingHTTPServer | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> OnvifDevice:
        device = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status, answer = device.answer(self.path, body)
                data = ENVELOPE.format(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/soap+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # ---- the device ---------------------------------------------------------------------------------
    def answer(self, path: str, body: bytes) -> tuple[int, str]:
        root = ET.fromstring(body)
        operation = next(iter(root.find(f"{{{SOAP}}}Body")))
        name = operation.tag.rsplit("}", 1)[1]
        self.calls.append(name)
        if not self._authorised(root):
            return (401, "") if self.plain_401 else (400, NOT_AUTHORIZED)
        if path == "/onvif/device_service" and name == "GetCapabilities":
            return 200, self._capabilities()
        if path == "/onvif/Media" and name == "GetProfiles":
            return 200, self._profiles()
        if path == "/onvif/Media" and name == "GetStreamUri":
            token = operation.find("{http://www.onvif.org/ver10/media/wsdl}ProfileToken").text
            return 200, self._stream_uri(token)
        return 400, "<env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code></env:Fault>"

    def _authorised(self, root: ET.Element) -> bool:
        token = root.find(f".//{{{WSSE}}}UsernameToken")
        if token is None:
            return False
        username = token.findtext(f"{{{WSSE}}}Username")
        given = token.findtext(f"{{{WSSE}}}Password")
        nonce = base64.b64decode(token.findtext(f"{{{WSSE}}}Nonce"))
        created = token.findtext(f"{{{WSU}}}Created")
        expected = base64.b64encode(hashlib.sha1(nonce + created.encode() + self.password.encode()).digest())
        return username == self.username and given == expected.decode()

    def _capabilities(self) -> str:
        return (
            "<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Media>"
            f"<tt:XAddr>http://{self.address}/onvif/Media</tt:XAddr>"
            "<tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>"
            "<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities>"
            "</tt:Media></tds:Capabilities></tds:GetCapabilitiesResponse>"
        )

    def _profiles(self) -> str:
        profiles = "".join(
            f'<trt:Profiles token="{p.token}" fixed="true"><tt:Name>{p.name}</tt:Name>'
            '<tt:VideoSourceConfiguration token="VideoSourceToken"><tt:Name>VideoSourceConfig</tt:Name>'
            "<tt:UseCount>2</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>"
            '<tt:Bounds x="0" y="0" width="1920" height="1080"/></tt:VideoSourceConfiguration>'
            f'<tt:VideoEncoderConfiguration token="VideoEncoder_{p.token}"><tt:Name>{p.name}</tt:Name>'
            f"<tt:UseCount>1</tt:UseCount><tt:Encoding>{p.encoding}</tt:Encoding>"
            f"<tt:Resolution><tt:Width>{p.width}</tt:Width><tt:Height>{p.height}</tt:Height></tt:Resolution>"
            "<tt:Quality>4</tt:Quality><tt:RateControl><tt:FrameRateLimit>25</tt:FrameRateLimit>"
            "<tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>4096</tt:BitrateLimit>"
            "</tt:RateControl></tt:VideoEncoderConfiguration></trt:Profiles>"
            for p in self.profiles
        )
        # A metadata-only profile, as many cameras list: it has no video encoder and no stream to show.
        metadata = (
            '<trt:Profiles token="Profile_Meta" fixed="false"><tt:Name>metadata</tt:Name></trt:Profiles>'
        )
        return f"<trt:GetProfilesResponse>{profiles}{metadata}</trt:GetProfilesResponse>"

    def _stream_uri(self, token: str) -> str:
        uri = next(p.uri for p in self.profiles if p.token == token)
        return (
            f"<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>{uri}</tt:Uri>"
            "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
            "</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>"
        )
