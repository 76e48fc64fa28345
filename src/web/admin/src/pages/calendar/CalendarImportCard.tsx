/**
 * Importing next year's 节假日安排 (system administrator): choose the file (JSON, CSV or
 * .ics), optionally say which year and notice it is, check it, then import. Every problem in
 * the file is listed with its line; nothing is written until the file is clean.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, List, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import {
  calendarApi,
  type CalendarImportInput,
  type CalendarImportResult,
  type CalendarIssue,
} from '../../api/calendar.ts';
import { errorMessage } from '../../lib/ui.tsx';

interface Fields {
  year?: number;
  noticeTitle?: string;
  documentNo?: string;
  noticeDate?: string;
}

const MAX_BYTES = 1_000_000;

/** The file's bytes in base64: the server decodes UTF-8 or GB18030 (a CSV saved by Excel or WPS on Chinese Windows). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The import form; `onImported` reloads the list of years. */
export function CalendarImportCard({ onImported }: { onImported: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const [issues, setIssues] = useState<CalendarIssue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<CalendarImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (dryRun: boolean) => {
    if (!file) {
      setProblem('请先选择节假日安排文件（JSON、CSV 或 .ics）');
      return;
    }
    const values = form.getFieldsValue();
    const input: CalendarImportInput = { fileName: file.name, contentBase64: file.contentBase64, dryRun };
    if (confirmMissing) input.confirmMissingHolidays = true;
    if (values.year) input.year = values.year;
    if (values.noticeTitle?.trim()) input.noticeTitle = values.noticeTitle.trim();
    if (values.documentNo?.trim()) input.documentNo = values.documentNo.trim();
    if (values.noticeDate?.trim()) input.noticeDate = values.noticeDate.trim();
    setBusy(true);
    setIssues([]);
    setProblem(null);
    try {
      const result = await calendarApi.importYear(input);
      if (dryRun) {
        setChecked(result);
      } else {
        message.success(
          `已导入${result.year}年节假日安排，共${result.days}天；重新计算${result.recomputed}件申请的期限，核定暂定文书${result.noticesSettled}份，出具期限调整告知书${result.followUps}份`,
        );
        setConfirmMissing(false);
        setChecked(null);
        setFile(null);
        form.resetFields();
        onImported();
      }
    } catch (err) {
      setChecked(null);
      setProblem(errorMessage(err).split('\n')[0] ?? '导入失败');
      if (err instanceof ApiError && Array.isArray(err.problem.issues))
        setIssues(err.problem.issues as CalendarIssue[]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导入节假日安排" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        国务院办公厅每年发布下一年部分节假日安排的通知后，在此导入。文件可为 JSON、CSV（表头 date,kind,name；kind 为 off
        或 work，也可写“休”“班”；Excel、WPS 另存的 GB18030 编码也可）或 .ics
        日历。导入时在同一事务中重新计算所有申请的期限，核定暂定文书，答复期限等日期有变化的向申请人出具期限调整告知书。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="文件">
          <Upload
            accept=".json,.csv,.ics,application/json,text/csv,text/calendar"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              if (f.size > MAX_BYTES) {
                setProblem('文件过大（不超过 1 MB）');
                return Upload.LIST_IGNORE;
              }
              void base64Of(f).then((contentBase64) => {
                setFile({ name: f.name, contentBase64 });
                setConfirmMissing(false);
                setChecked(null);
                setIssues([]);
                setProblem(null);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? `已选择：${file.name}` : '选择文件'}</Button>
          </Upload>
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item label="年份（文件未写明时填写）" name="year">
            <InputNumber min={2000} max={2100} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="通知标题" name="noticeTitle" style={{ flex: 1, minWidth: 280 }}>
            <Input placeholder="国务院办公厅关于2027年部分节假日安排的通知" maxLength={200} />
          </Form.Item>
          <Form.Item label="发文字号" name="documentNo">
            <Input placeholder="国办发明电〔2026〕7号" maxLength={100} />
          </Form.Item>
          <Form.Item
            label="成文日期"
            name="noticeDate"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式为 YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD" maxLength={10} style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        {problem ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            message={problem}
            description={
              issues.length > 0 ? (
                <List
                  size="small"
                  dataSource={issues}
                  renderItem={(i) => <List.Item>{[i.where, i.message].filter(Boolean).join('：')}</List.Item>}
                />
              ) : undefined
            }
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {checked ? (
          <Alert
            type={checked.missingHolidays.length ? 'warning' : 'success'}
            showIcon
            message={
              checked.missingHolidays.length
                ? `文件格式无误：${checked.year}年，共${checked.days}天；但缺少法定节假日：${checked.missingHolidays
                    .map((m) => `${m.name}（${m.date}）`)
                    .join('、')}。确属有意的，勾选下方确认后再导入。`
                : `文件无误：${checked.year}年，共${checked.days}天。确认后点击“导入”。`
            }
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form.Item>
          <Checkbox checked={confirmMissing} onChange={(e) => setConfirmMissing(e.target.checked)}>
            确认缺少法定节假日仍导入（《全国年节及纪念日放假办法》规定的节日，国务院办公厅的通知总会安排放假）
          </Checkbox>
        </Form.Item>
        <Flex gap={8}>
          <Button onClick={() => submit(true)} loading={busy} disabled={!file}>
            校验
          </Button>
          <Button type="primary" onClick={() => submit(false)} loading={busy} disabled={!file}>
            导入
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
