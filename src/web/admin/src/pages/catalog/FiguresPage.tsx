/**
 * 第二十条（五）（六）（八）（九） figures of a year: the 权责清单 item counts (with additions and
 * removals), decisions, 政府集中采购 and fees collected — each saved with its source — and an
 * XLSX/CSV import that lists row errors and saves only when asked.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, List, Select, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { catalogApi, type PowerListFigure } from '../../api/catalog.ts';
import { useAgencySelection } from '../../layout/AgencyContext.tsx';
import { errorMessage, LoadError, PageHeading } from '../../lib/ui.tsx';
import { useApiData } from '../../lib/useApiData.ts';

const KINDS: Array<[PowerListFigure['kind'], string]> = [
  ['licensing', '行政许可'],
  ['other_services', '其他对外管理服务事项'],
  ['penalty', '行政处罚'],
  ['enforcement', '行政强制'],
  ['fees', '行政事业性收费'],
];

function FigureRow({
  agencyId,
  year,
  kind,
  label,
  current,
  previous,
  onSaved,
}: {
  agencyId: string;
  year: number;
  kind: PowerListFigure['kind'];
  label: string;
  current?: PowerListFigure;
  previous?: PowerListFigure;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const save = async (v: Record<string, number | string | null>) => {
    try {
      await catalogApi.saveFigure(agencyId, {
        year,
        kind,
        itemCount: (v.itemCount as number) ?? null,
        added: (v.added as number) ?? null,
        removed: (v.removed as number) ?? null,
        decisions: (v.decisions as number) ?? null,
        source: String(v.source ?? ''),
      });
      void message.success(`已保存${label}`);
      onSaved();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={current ?? {}}
      onFinish={save}
      style={{ marginBottom: 8 }}
      aria-label={label}
    >
      <span style={{ width: 170, fontWeight: 600 }}>{label}</span>
      <span style={{ width: 110 }}>上年末：{previous?.itemCount ?? '未登记'}</span>
      <Form.Item name="itemCount" label="年末项目数">
        <InputNumber min={0} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="added" label="新增">
        <InputNumber min={0} style={{ width: 70 }} />
      </Form.Item>
      <Form.Item name="removed" label="取消">
        <InputNumber min={0} style={{ width: 70 }} />
      </Form.Item>
      <Form.Item name="decisions" label="处理决定数">
        <InputNumber min={0} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="source" label="数据来源" rules={[{ required: true, message: '请填写数据来源' }]}>
        <Input style={{ width: 260 }} />
      </Form.Item>
      <Button htmlType="submit">保存</Button>
    </Form>
  );
}

export default function FiguresPage() {
  const { agencyId } = useAgencySelection();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const data = useApiData((signal) => catalogApi.figures(agencyId, year, signal), [agencyId, year], Boolean(agencyId));
  const [report, setReport] = useState<{
    rows: number;
    saved: number;
    errors: Array<{ row: number; messages: string[] }>;
  } | null>(null);
  const [lastFile, setLastFile] = useState<File | null>(null);
  const years = Array.from({ length: 8 }, (_, k) => new Date().getFullYear() - k);
  const amount = data.data?.amounts.find((a) => a.year === year);
  const runImport = async (file: File, apply: boolean) => {
    try {
      setReport(await catalogApi.importFigures(agencyId, file, apply));
      setLastFile(file);
      if (apply) data.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeading
        title="第二十条数据"
        extra={
          <Select
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="年度"
          />
        }
      />
      {data.error ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      <Card title="权责清单和处理决定（第二十条第（五）（六）（八）项）" style={{ marginBottom: 16 }}>
        {data.data
          ? KINDS.map(([kind, label]) => (
              <FigureRow
                key={`${kind}-${year}-${data.data!.figures.length}`}
                agencyId={agencyId}
                year={year}
                kind={kind}
                label={label}
                current={data.data!.figures.find((f) => f.year === year && f.kind === kind)}
                previous={data.data!.figures.find((f) => f.year === year - 1 && f.kind === kind)}
                onSaved={data.reload}
              />
            ))
          : null}
      </Card>
      <Card title="政府集中采购和收费金额" style={{ marginBottom: 16 }}>
        {data.data ? (
          <Form
            key={`${year}-${amount?.source ?? ''}`}
            layout="inline"
            initialValues={amount ?? {}}
            onFinish={(v: Record<string, string | number | null>) =>
              void catalogApi
                .saveAmounts(agencyId, {
                  year,
                  procurementProjects: (v.procurementProjects as number) ?? null,
                  procurementAmountYuan: v.procurementAmountYuan ? String(v.procurementAmountYuan) : null,
                  feesCollectedWan: v.feesCollectedWan ? String(v.feesCollectedWan) : null,
                  source: String(v.source ?? ''),
                })
                .then(
                  () => {
                    void message.success('已保存');
                    data.reload();
                  },
                  (e: unknown) => void message.error(errorMessage(e)),
                )
            }
          >
            <Form.Item name="procurementProjects" label="采购项目数">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="procurementAmountYuan" label="采购总金额（元）">
              <Input style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="feesCollectedWan" label="收费金额（万元）">
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="source" label="数据来源" rules={[{ required: true, message: '请填写数据来源' }]}>
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Button htmlType="submit">保存</Button>
          </Form>
        ) : null}
      </Card>
      <Card title="从 XLSX/CSV 导入">
        <p>表头：年份、事项类别、年末项目数、新增、取消、处理决定数、数据来源。先检查，确认无误后再导入。</p>
        <Flex gap={8}>
          <Upload
            showUploadList={false}
            accept=".xlsx,.csv"
            customRequest={({ file }) => void runImport(file as File, false)}
          >
            <Button icon={<UploadOutlined />}>选择文件并检查</Button>
          </Upload>
          {lastFile && report && !report.saved ? (
            <Button type="primary" onClick={() => void runImport(lastFile, true)}>
              导入无误的 {report.rows - report.errors.length} 行
            </Button>
          ) : null}
        </Flex>
        {report ? (
          <>
            <Alert
              style={{ marginTop: 12 }}
              type={report.errors.length ? 'warning' : 'success'}
              showIcon
              message={`共 ${report.rows} 行，${report.errors.length} 行有误${report.saved ? `，已导入 ${report.saved} 行` : '，尚未导入'}`}
            />
            {report.errors.length ? (
              <List
                size="small"
                dataSource={report.errors}
                renderItem={(e) => (
                  <List.Item>
                    第 {e.row} 行：{e.messages.join('；')}
                  </List.Item>
                )}
              />
            ) : null}
          </>
        ) : null}
      </Card>
    </>
  );
}
