<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ClipsUi</name>
    <message>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1前 %2 秒</source>
        <translation>%2 s before the %1</translation>
    </message>
    <message>
        <source>%1后 %2 秒</source>
        <translation>%2 s after the %1</translation>
    </message>
    <message>
        <source>告警</source>
        <translation>alarm</translation>
    </message>
    <message>
        <source>事件</source>
        <translation>event</translation>
    </message>
    <message>
        <source>AI 事件 %1 的录像回放</source>
        <translation>Video of AI event %1</translation>
    </message>
    <message>
        <source>从此时播放</source>
        <translation>Play from this time</translation>
    </message>
    <message>
        <source>保存截图</source>
        <translation>Save the snapshot</translation>
    </message>
    <message>
        <source>前进一帧</source>
        <translation>One frame forward</translation>
    </message>
    <message>
        <source>后退一帧</source>
        <translation>One frame back</translation>
    </message>
    <message>
        <source>告警 %1 的录像回放</source>
        <translation>Video of alarm %1</translation>
    </message>
    <message>
        <source>回放</source>
        <translation>Play back</translation>
    </message>
    <message>
        <source>录像</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <source>导出录像</source>
        <translation>Export the clip</translation>
    </message>
    <message>
        <source>工单 %1 的录像回放</source>
        <translation>Video of ticket %1</translation>
    </message>
    <message>
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
    <message>
        <source>录像中没有画面</source>
        <translation>The video holds no pictures</translation>
    </message>
    <message>
        <source>录像含人脸，导出和截图须有导出个人信息的权限</source>
        <translation>Clips show faces: exporting and snapshots need the permission to export personal data</translation>
    </message>
    <message>
        <source>录像机回放（按时间）</source>
        <translation>Recorder playback (by time)</translation>
    </message>
    <message>
        <source>截图</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>截图保存失败：</source>
        <translation>The snapshot could not be saved: </translation>
    </message>
    <message>
        <source>截图已保存：</source>
        <translation>Snapshot saved: </translation>
    </message>
    <message>
        <source>摄像机中途中断，片段只有中断前的画面。</source>
        <translation>The camera dropped: the clip holds what came before.</translation>
    </message>
    <message>
        <source>播放</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>播放所选记录前后的录像（回放记入审计日志）</source>
        <translation>Play the video around the selected record (playback is recorded in the audit log)</translation>
    </message>
    <message>
        <source>无法打开录像：</source>
        <translation>Cannot open the video: </translation>
    </message>
    <message>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>正在导出… %1%</source>
        <translation>Exporting… %1%</translation>
    </message>
    <message>
        <source>正在打开录像…</source>
        <translation>Opening the video…</translation>
    </message>
    <message>
        <source>没有设置录像回放的摄像机：在“设置 › 摄像机”中为摄像机选择录像机类型</source>
        <translation>No camera has recorder playback: choose its recorder type in Settings › Cameras</translation>
    </message>
    <message>
        <source>该事件还没有录像片段：正在录制，或不是需要录像的紧急事件</source>
        <translation>This event has no clip yet: it is being written, or the event is not an urgent one that is filmed</translation>
    </message>
    <message>
        <source>该告警还没有录像片段：正在录制，或附近没有本机画面墙上的摄像机</source>
        <translation>This alarm has no clip yet: it is being written, or no camera on this computer's wall is near it</translation>
    </message>
    <message>
        <source>该工单没有录像片段</source>
        <translation>This ticket has no clips</translation>
    </message>
    <message>
        <source>跳到事件时刻</source>
        <translation>Jump to the event</translation>
    </message>
</context>
<context>
    <name>CameraSettings</name>
    <message>
        <source>录像回放</source>
        <translation>Recorder playback</translation>
    </message>
    <message>
        <source>按时间从录像机回放：海康、大华，或 rtsp:// 模板（见文档）</source>
        <translation>Playback from the recorder by time: Hikvision, Dahua, or an rtsp:// template (see the documentation)</translation>
    </message>
    <message>
        <source>无 / hikvision / dahua / rtsp://…{start:%Y%m%d%H%M%S}</source>
        <translation>none / hikvision / dahua / rtsp://…{start:%Y%m%d%H%M%S}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>录像机回放（按时间）…</source>
        <translation>Recorder playback (by time)…</translation>
    </message>
</context>
</TS>
