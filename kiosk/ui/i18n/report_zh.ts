<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Report</name>
    <message>
        <source>attendance report</source>
        <translation>到场报告</translation>
    </message>
    <message>
        <source>times in {zone}</source>
        <translation>时间按 {zone}</translation>
    </message>
    <message>
        <source>attendees checked in</source>
        <translation>已签到人数</translation>
    </message>
    <message>
        <source>scans</source>
        <translation>扫码次数</translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation>未到场</translation>
    </message>
    <message>
        <source>on the roster</source>
        <translation>名单人数</translation>
    </message>
    <message>
        <source>walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>admitted twice</source>
        <translation>重复入场</translation>
    </message>
    <message>
        <source>No roster in this database, so no-shows are not listed: merge with {option} or publish the roster to the hub.</source>
        <translation>此数据库中没有名单，因此未列出未到场者：请用 {option} 合并，或将名单发布到中心服务器。</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按日</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>accepted scans</source>
        <translation>通过的扫码</translation>
    </message>
    <message>
        <source>refused scans</source>
        <translation>被拒的扫码</translation>
    </message>
    <message>
        <source>exits</source>
        <translation>离场</translation>
    </message>
    <message>
        <source>peak inside</source>
        <translation>场内峰值</translation>
    </message>
    <message>
        <source>peak at</source>
        <translation>峰值时间</translation>
    </message>
    <message>
        <source>Arrivals and people inside</source>
        <translation>到场与场内人数</translation>
    </message>
    <message>
        <source>Arrivals per {minutes} minutes (first check-in of the day), local time ({zone})</source>
        <translation>每 {minutes} 分钟到场人数（当天首次签到），当地时间（{zone}）</translation>
    </message>
    <message>
        <source>Inside now: people whose latest scan of the day was an entry, local time ({zone})</source>
        <translation>当前场内：当天最近一次扫码为入场的人，当地时间（{zone}）</translation>
    </message>
    <message>
        <source>By category (checked in)</source>
        <translation>按类别（已签到）</translation>
    </message>
    <message>
        <source>By venue and gate (first check-in of the day)</source>
        <translation>按场馆和入口（当天首次签到）</translation>
    </message>
    <message>
        <source>By hour (first check-ins)</source>
        <translation>按小时（首次签到）</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>现场登记</translation>
    </message>
    <message>
        <source>No visitor registered at a kiosk.</source>
        <translation>没有访客在自助机上登记。</translation>
    </message>
    <message>
        <source>Visitors registered at a kiosk, with the kiosk&apos;s own number (a plain-id QR; a kiosk cannot sign). To give them signed badges for the next day: {import_command}, then {badges_command}.</source>
        <translation>在自助机上登记的访客，使用自助机自己的编号（纯编号二维码；自助机无法签名）。要为他们签发次日的签名胸卡：先运行 {import_command}，再运行 {badges_command}。</translation>
    </message>
    <message>
        <source>number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>registered (UTC)</source>
        <translation>登记时间（UTC）</translation>
    </message>
    <message>
        <source>Admitted twice (offline double use)</source>
        <translation>重复入场（离线重复使用）</translation>
    </message>
    <message>
        <source>No event rules in this database, so double use cannot be judged.</source>
        <translation>此数据库中没有活动规则，因此无法判断重复使用。</translation>
    </message>
    <message>
        <source>Badges admitted at a kiosk that should have refused them: another kiosk had let the same badge in shortly before (still inside, within the anti-passback window) or its category allows no re-entry, and the second kiosk did not know, because one of the two was cut off from the hub or ran without one. This is what offline mode cost.</source>
        <translation>本应被拒却在自助机上入场的胸卡：另一台自助机不久前已让同一胸卡入场（仍在场内、处于防回传时间窗内），或其类别不允许再次入场，而第二台自助机并不知情，因为其中一台与中心服务器断开或未连接中心服务器。这就是离线模式的代价。</translation>
    </message>
    <message>
        <source>{offline} says whose scan reached the hub more than {seconds} s after it was made; {neither} would mean both kiosks were online.</source>
        <translation>{offline} 表示哪一方的扫码在产生 {seconds} 秒之后才到达中心服务器；{neither} 表示两台自助机都在线。</translation>
    </message>
    <message>
        <source>Kiosk bundles do not say when a kiosk was online, so {offline} is left blank; a report from the hub ({option}) tells.</source>
        <translation>自助机数据包不记录自助机何时在线，因此 {offline} 一栏留空；从中心服务器生成的报告（{option}）会注明。</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>均未离线</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者</translation>
    </message>
    <message>
        <source>No badge was admitted twice.</source>
        <translation>没有胸卡重复入场。</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>参会者</translation>
    </message>
    <message>
        <source>should have said</source>
        <translation>本应判定</translation>
    </message>
    <message>
        <source>first</source>
        <translation>第一次</translation>
    </message>
    <message>
        <source>at kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>second</source>
        <translation>第二次</translation>
    </message>
    <message>
        <source>seconds apart</source>
        <translation>间隔秒数</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No scan was refused.</source>
        <translation>没有扫码被拒。</translation>
    </message>
    <message>
        <source>Tables: {links}. Generated {moment} UTC by the ITCN Asia kiosk.</source>
        <translation>数据表：{links}。由 ITCN Asia 自助机于 {moment} UTC 生成。</translation>
    </message>
</context>
</TS>
