<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Web</name>
    <message>
        <source>Fair dashboard</source>
        <translation>展会看板</translation>
    </message>
    <message>
        <source>Checked in today</source>
        <translation>今日签到</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>当前在场</translation>
    </message>
    <message>
        <source>Accepted scans</source>
        <translation>通过扫码</translation>
    </message>
    <message>
        <source>Refused scans</source>
        <translation>拒绝扫码</translation>
    </message>
    <message>
        <source>of which duplicates</source>
        <translation>其中重复</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>离场</translation>
    </message>
    <message>
        <source>Halls</source>
        <translation>展馆</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>no capacity set</source>
        <translation>未设容量</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已满</translation>
    </message>
    <message>
        <source>Nearly full</source>
        <translation>接近满员</translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>每15分钟到场</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>By gate</source>
        <translation>按入口</translation>
    </message>
    <message>
        <source>By kiosk</source>
        <translation>按自助机</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>按小时</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>最近上传</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>最近扫码</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待上传</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>扫码数</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Latest scans</source>
        <translation>最新扫码</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新于</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>Nothing yet today</source>
        <translation>今天暂无数据</translation>
    </message>
    <message>
        <source>Other gates</source>
        <translation>其他入口</translation>
    </message>
    <message>
        <source>Welcome to ITCN Asia</source>
        <translation>欢迎来到 ITCN Asia</translation>
    </message>
    <message>
        <source>visitors inside now</source>
        <translation>位访客正在场内</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>工作人员登录</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: wait a minute.</source>
        <translation>密码错误次数过多：请等待一分钟。</translation>
    </message>
    <message>
        <source>The form expired: try again.</source>
        <translation>表单已过期：请重试。</translation>
    </message>
    <message>
        <source>No staff password is set: run `kiosk web set-password`.</source>
        <translation>尚未设置工作人员密码：请运行 `kiosk web set-password`。</translation>
    </message>
    <message>
        <source>Public screen</source>
        <translation>公共屏幕</translation>
    </message>
    <message>
        <source>{n} s ago</source>
        <translation>{n} 秒前</translation>
    </message>
    <message>
        <source>{n} min ago</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <source>{n} h ago</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Cannot read the figures</source>
        <translation>无法读取数据</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>Lost (scanner only)</source>
        <translation>已断开（仅扫码枪）</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>无打印机</translation>
    </message>
    <message>
        <source>No such CUPS queue</source>
        <translation>无此 CUPS 队列</translation>
    </message>
    <message>
        <source>CUPS not answering</source>
        <translation>CUPS 无响应</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} 个等待中</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>reported {t}</source>
        <translation>报告于 {t}</translation>
    </message>
</context>
</TS>
