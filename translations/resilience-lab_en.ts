<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source> · and %n more</source>
        <translation>
            <numerusform> · and %n more</numerusform>
            <numerusform> · and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslab::ui::BreakerChart</name>
    <message numerus="yes">
        <source>closed %1 · open %2 · half-open %3
mostly %4; %n transition(s)</source>
        <translation>
            <numerusform>closed %1 · open %2 · half-open %3
mostly %4; %n transition</numerusform>
            <numerusform>closed %1 · open %2 · half-open %3
mostly %4; %n transitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslab::ui::BreakerDiagram</name>
    <message numerus="yes">
        <source>%n transition(s)</source>
        <translation>
            <numerusform>%n transition</numerusform>
            <numerusform>%n transitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslab::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n problem(s) in the scenario — the simulation keeps the last valid one. First: %1</source>
        <translation>
            <numerusform>%n problem in the scenario — the simulation keeps the last valid one. First: %1</numerusform>
            <numerusform>%n problems in the scenario — the simulation keeps the last valid one. First: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>reslab::ui::ScenarioEditor</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
</TS>
