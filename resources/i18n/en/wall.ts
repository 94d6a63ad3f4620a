<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Tile</name>
    <message>
        <source> · 每 %1 秒重试</source>
        <translation> · retrying every %1 s</translation>
    </message>
    <message>
        <source>地址: %1</source>
        <translation>URL: %1</translation>
    </message>
    <message>
        <source>分辨率: %1  帧率: %2 fps</source>
        <translation>Resolution: %1  Rate: %2 fps</translation>
    </message>
    <message>
        <source>丢帧: %1  重连: %2 次  最后画面: %3</source>
        <translation>Dropped: %1  Reconnects: %2  Last picture: %3</translation>
    </message>
    <message>
        <source>原因: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>连接中</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>重连中</source>
        <translation>Reconnecting</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>拖入摄像机</source>
        <translation>Drop a camera here</translation>
    </message>
    <message>
        <source>画面停滞</source>
        <translation>Picture stalled</translation>
    </message>
    <message>
        <source>截图</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>重新连接</source>
        <translation>Reconnect</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>最大化</source>
        <translation>Maximise</translation>
    </message>
    <message>
        <source>关闭画面</source>
        <translation>Close picture</translation>
    </message>
    <message>
        <source>  [主码流]</source>
        <translation>  [main stream]</translation>
    </message>
    <message>
        <source>  [正在切换主码流…]</source>
        <translation>  [switching to main stream…]</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <source>搜索摄像机</source>
        <translation>Search cameras</translation>
    </message>
    <message>
        <source> · 智能</source>
        <translation> · AI</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <source>找不到摄像机 %1</source>
        <translation>Camera %1 not found</translation>
    </message>
    <message>
        <source>请先选择一个有画面的窗格</source>
        <translation>Select a tile with a picture first</translation>
    </message>
    <message>
        <source>截图已保存: %1</source>
        <translation>Snapshot saved: %1</translation>
    </message>
</context>
<context>
    <name>WallPanel</name>
    <message>
        <source>1 画面</source>
        <translation>1 tile</translation>
    </message>
    <message>
        <source>4 画面</source>
        <translation>4 tiles</translation>
    </message>
    <message>
        <source>9 画面</source>
        <translation>9 tiles</translation>
    </message>
    <message>
        <source>16 画面</source>
        <translation>16 tiles</translation>
    </message>
    <message>
        <source>25 画面</source>
        <translation>25 tiles</translation>
    </message>
    <message>
        <source>1+5 画面</source>
        <translation>1+5 tiles</translation>
    </message>
    <message>
        <source>1+7 画面</source>
        <translation>1+7 tiles</translation>
    </message>
    <message>
        <source>自定义…</source>
        <translation>Custom…</translation>
    </message>
    <message>
        <source>自定义布局</source>
        <translation>Custom layout</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>列数</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>左上大画面占格</source>
        <translation>Large top-left tile spans</translation>
    </message>
    <message>
        <source>布局</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>保存布局</source>
        <translation>Save layout</translation>
    </message>
    <message>
        <source>删除布局</source>
        <translation>Delete layout</translation>
    </message>
    <message>
        <source>布局名称</source>
        <translation>Layout name</translation>
    </message>
    <message>
        <source>轮巡</source>
        <translation>Tour</translation>
    </message>
    <message>
        <source> 秒</source>
        <translation> s</translation>
    </message>
    <message>
        <source>截图</source>
        <translation>Snapshot</translation>
    </message>
    <message>
        <source>新窗口</source>
        <translation>New window</translation>
    </message>
    <message>
        <source>副屏值守</source>
        <translation>Kiosk on second screen</translation>
    </message>
    <message>
        <source>视频墙</source>
        <translation>Video wall</translation>
    </message>
    <message>
        <source>布局已保存: %1</source>
        <translation>Layout saved: %1</translation>
    </message>
    <message>
        <source>只能删除已保存的布局</source>
        <translation>Only saved layouts can be deleted</translation>
    </message>
    <message>
        <source>删除布局“%1”？</source>
        <translation>Delete layout “%1”?</translation>
    </message>
    <message>
        <source>摄像机 %1/%2</source>
        <translation>Cameras %1/%2</translation>
    </message>
    <message>
        <source>视频墙上在线的摄像机 / 显示的摄像机</source>
        <translation>Cameras live on the wall / cameras shown</translation>
    </message>
</context>
</TS>
