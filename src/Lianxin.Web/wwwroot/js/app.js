// Page helpers for the staff console: live notification hints and the place map.
window.lianxin = (function () {
    let connection = null;

    function watchNotifications(component) {
        if (!window.signalR || connection) return;
        connection = new signalR.HubConnectionBuilder()
            .withUrl('/hubs/notifications')
            .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
            .build();
        const reload = () => component.invokeMethodAsync('Reload').catch(() => { });
        connection.on('notification', reload);
        // Anything pushed while disconnected is in the inbox; re-read it.
        connection.onreconnected(reload);
        // Also re-read once connected: anything sent between the page's first render and now had no one to push to.
        connection.start().then(reload).catch(() => { });
    }

    const maps = {};

    // Draws a unit's boundary and centre. With a configured tile URL (the bureau's PGIS) tiles sit
    // underneath; without one the shapes still draw on a plain background.
    function showPlace(elementId, boundaryJson, lat, lng, tileUrl) {
        const el = document.getElementById(elementId);
        if (!el || !window.L) return;
        if (maps[elementId]) { maps[elementId].remove(); delete maps[elementId]; }
        // A view must exist before vector layers are added.
        const map = L.map(el, { attributionControl: false }).setView([lat ?? 38.3, lng ?? 114.0], lat === null ? 9 : 14);
        maps[elementId] = map;
        if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map);
        let bounds = null;
        if (boundaryJson) {
            const layer = L.geoJSON(JSON.parse(boundaryJson), { style: { color: '#1f4e9c', weight: 2, fillOpacity: 0.15 } }).addTo(map);
            bounds = layer.getBounds();
        }
        if (lat !== null && lng !== null) L.circleMarker([lat, lng], { radius: 6, color: '#c62828' }).addTo(map);
        if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
    }

    function barChart(elementId, labels, values) {
        const el = document.getElementById(elementId);
        if (!el || !window.echarts) return;
        const chart = echarts.getInstanceByDom(el) || echarts.init(el);
        chart.setOption({
            tooltip: {},
            grid: { left: 40, right: 16, top: 16, bottom: 40 },
            xAxis: { type: 'category', data: labels },
            yAxis: { type: 'value' },
            series: [{ type: 'bar', data: values, itemStyle: { color: '#1f4e9c' } }]
        });
    }

    return { watchNotifications, showPlace, barChart };
})();

// Printable documents: a button marked data-print opens the browser's print dialog (no inline scripts under the CSP).
document.addEventListener('click', function (e) {
    const target = e.target && e.target.closest ? e.target.closest('[data-print]') : null;
    if (target) { e.preventDefault(); window.print(); }
});

// Phone check-in: a button marked data-geo first asks the phone for its position and puts it in the
// form's data-geo-lat / data-geo-lng fields, then submits (without a position the server says so).
document.addEventListener('click', function (e) {
    const button = e.target && e.target.closest ? e.target.closest('button[data-geo]') : null;
    if (!button || button.dataset.geoDone === '1' || !button.form) return;
    e.preventDefault();
    const form = button.form;
    const submit = function () { button.dataset.geoDone = '1'; form.requestSubmit(button); };
    if (!navigator.geolocation) { submit(); return; }
    navigator.geolocation.getCurrentPosition(function (p) {
        form.querySelector('[data-geo-lat]').value = p.coords.latitude;
        form.querySelector('[data-geo-lng]').value = p.coords.longitude;
        submit();
    }, submit, { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
});
