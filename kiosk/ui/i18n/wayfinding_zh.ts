<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>WayfindingScreen</name>
    <message>
        <source>Prayer (men)</source>
        <translation>男祈祷室</translation>
    </message>
    <message>
        <source>Prayer (women)</source>
        <translation>女祈祷室</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>问讯处</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Reset map</source>
        <translation>重置地图</translation>
    </message>
    <message>
        <source>Schematic map, not to scale</source>
        <translation>示意图，未按比例</translation>
    </message>
    <message>
        <source>Search exhibitor, booth, hall…</source>
        <translation>搜索参展商、展位、展馆…</translation>
    </message>
    <message>
        <source>Step-free route (no stairs)</source>
        <translation>无台阶路线</translation>
    </message>
    <message>
        <source>New search</source>
        <translation>重新搜索</translation>
    </message>
    <message>
        <source>Scan with your phone to take these directions with you. No internet needed.</source>
        <translation>用手机扫描，随身带走路线说明。无需联网。</translation>
    </message>
    <message>
        <source>Find your way</source>
        <translation>寻路导航</translation>
    </message>
    <message>
        <source>There is no step-free way to this place. Please ask a steward for help.</source>
        <translation>没有通往此处的无台阶路线。请向工作人员求助。</translation>
    </message>
    <message>
        <source>This place cannot be reached from here. Please ask at the information desk.</source>
        <translation>从这里无法到达此处。请到问讯处询问。</translation>
    </message>
    <message>
        <source>You are here</source>
        <translation>您在这里</translation>
    </message>
    <message>
        <source>{metres} m · about {minutes} min walk</source>
        <translation>{metres}米 · 步行约{minutes}分钟</translation>
    </message>
    <message>
        <source>step-free</source>
        <translation>无台阶</translation>
    </message>
    <message>
        <source>Type a company, booth number or hall, or tap a button.</source>
        <translation>输入公司名、展位号或展馆，或点击按钮。</translation>
    </message>
    <message>
        <source>has stairs</source>
        <translation>有台阶</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”. Try a booth number such as H2-B14, a hall, or a company name.</source>
        <translation>未找到“{query}”。请尝试展位号（如 H2-B14）、展馆或公司名称。</translation>
    </message>
    <message>
        <source>Washroom (men)</source>
        <translation>男洗手间</translation>
    </message>
    <message>
        <source>Washroom (women)</source>
        <translation>女洗手间</translation>
    </message>
    <message>
        <source>Accessible washroom</source>
        <translation>无障碍洗手间</translation>
    </message>
    <message>
        <source>Exhibitors A–Z</source>
        <translation>参展商（按名称）</translation>
    </message>
    <message>
        <source>By sector</source>
        <translation>按行业</translation>
    </message>
</context>
</TS>
